package dev.druidtasks.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An API node without a worker and a worker process on its database. The worker is paused past the
 * timeout (SIGSTOP), resumed (SIGCONT), then killed -9: its first task fails when it is declared
 * dead, it joins again as new and takes the next, and that one fails too once it is killed; no
 * task stays RUNNING, none runs twice.
 */
class WorkerPauseIT {
  private static final String API = NodeProcess.API;
  private static final Duration WAIT = Duration.ofSeconds(60);
  private NodeProcess node;
  private NodeProcess worker;

  @AfterEach
  void stop() throws Exception {
    for (NodeProcess p : new NodeProcess[] {worker, node}) {
      if (p != null) {
        signal("CONT", p.process.pid());
        p.stop();
      }
    }
  }

  @Test
  void aPausedWorkerIsFencedOffAndNoTaskStaysRunning() throws Exception {
    Path dir = Files.createTempDirectory("worker-pause-it");
    Path config = dir.resolve("fast.yml");
    Files.writeString(config, "tick: 50ms\nheartbeatPeriod: 300ms\nworkerTimeout: 3s\n");
    Path nodeLog = dir.resolve("node.log");
    node = NodeProcess.start("serve", NodeProcess.freePort(), nodeLog, "--data-dir", dir.resolve("node").toString(),
        "--capacity", "0", "--config", config.toString());
    node.awaitHealthy();
    Matcher m = Pattern.compile("embedded PostgreSQL on port (\\d+)").matcher(Files.readString(nodeLog));
    assertThat(m.find()).as("the node's log names its database port").isTrue();
    Path workerLog = dir.resolve("worker.log");
    worker = NodeProcess.start("worker", NodeProcess.freePort(), workerLog, "--data-dir", dir.resolve("worker").toString(),
        "--capacity", "1", "--config", config.toString(),
        "--jdbc-url", "jdbc:postgresql://localhost:" + m.group(1) + "/postgres", "--db-user", "postgres");
    worker.awaitHealthy();

    node.submit("{\"type\":\"noop\",\"id\":\"paused-first\",\"runTime\":600000}");
    node.awaitRunner("paused-first", "RUNNING", WAIT);
    signal("STOP", worker.process.pid());
    JsonNode first = node.awaitRunner("paused-first", "NONE", WAIT);
    assertThat(first.get("statusCode").asText()).isEqualTo("FAILED");
    assertThat(first.get("errorMsg").asText()).contains("stopped responding");

    node.submit("{\"type\":\"noop\",\"id\":\"paused-second\",\"runTime\":600000}");
    node.awaitRunner("paused-second", "PENDING", WAIT);
    signal("CONT", worker.process.pid());
    node.awaitRunner("paused-second", "RUNNING", WAIT);
    assertThat(node.status("paused-first").get("statusCode").asText()).as("the first is not run again").isEqualTo("FAILED");
    long t0 = System.nanoTime();
    worker.process.destroyForcibly().waitFor();
    JsonNode second = node.awaitRunner("paused-second", "NONE", WAIT);
    assertThat(second.get("statusCode").asText()).isEqualTo("FAILED");
    assertThat(node.get(API + "/tasks?state=running")).isEmpty();
    assertThat(Files.readString(workerLog)).contains("was declared dead");
    System.out.printf("a killed worker's task failed %d ms after the kill (timeout 3 s)%n",
        (System.nanoTime() - t0) / 1_000_000);
  }

  private static void signal(String name, long pid) throws Exception {
    new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start().waitFor();
  }
}
