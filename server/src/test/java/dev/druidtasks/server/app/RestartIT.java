package dev.druidtasks.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged server as users run it: killed with -9 mid-work and started again, it keeps every
 * acknowledged task, runs the ones that were waiting, and fails the ones that were running.
 */
class RestartIT {
  private static final String API = NodeProcess.API;
  private static final Duration WAIT = Duration.ofSeconds(60);
  private NodeProcess server;

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) {
      server.stop();
    }
  }

  private NodeProcess start(Path dataDir, int port, Path log) throws IOException {
    return NodeProcess.start("serve", port, log, "--data-dir", dataDir.toString(), "--capacity", "1");
  }

  private static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }

  @Test
  void killNineThenRestartKeepsAcknowledgedTasks() throws Exception {
    Path dataDir = Files.createTempDirectory("restart-it");
    Path log = dataDir.resolve("server.log");
    int port = NodeProcess.freePort();

    server = start(dataDir, port, log);
    long firstStartMs = server.awaitHealthy();
    server.submit("{\"type\":\"noop\",\"id\":\"restart-running\",\"runTime\":600000}");
    server.submit("{\"type\":\"noop\",\"id\":\"restart-pending\",\"runTime\":300}");
    server.awaitRunner("restart-running", "RUNNING", WAIT);
    server.awaitRunner("restart-pending", "PENDING", WAIT);
    Thread.sleep(1_000);
    long rss = rssKb(server.process.pid());

    server.process.destroyForcibly().waitFor();

    server = start(dataDir, port, log);
    long restartMs = server.awaitHealthy();
    JsonNode lost = server.awaitRunner("restart-running", "NONE", WAIT);
    assertThat(lost.get("statusCode").asText()).isEqualTo("FAILED");
    assertThat(lost.get("errorMsg").asText()).contains("when it stopped");
    JsonNode resumed = server.awaitRunner("restart-pending", "NONE", WAIT);
    assertThat(resumed.get("statusCode").asText()).isEqualTo("SUCCESS");
    assertThat(server.get(API + "/task/restart-running").get("payload").get("runTime").asLong()).isEqualTo(600000);

    System.out.printf("startup to first 200: first run %d ms, after kill -9 %d ms; RSS with one task running %d MiB%n",
        firstStartMs, restartMs, rss / 1024);
  }

  /**
   * SIGTERM with tasks running (no drain time): the embedded PostgreSQL outlives the engine's stop, so the
   * running task's end is recorded as the worker's shutdown, not lost to a database already gone.
   */
  @Test
  void sigtermRecordsTheEndOfTheTasksItStops() throws Exception {
    Path dataDir = Files.createTempDirectory("sigterm-it");
    Path log = dataDir.resolve("server.log");
    int port = NodeProcess.freePort();
    server = start(dataDir, port, log);
    server.awaitHealthy();
    server.submit("{\"type\":\"noop\",\"id\":\"sigterm-running\",\"runTime\":600000}");
    server.awaitRunner("sigterm-running", "RUNNING", WAIT);

    server.stop();
    assertThat(Files.readString(log)).doesNotContain("could not record the end");

    server = start(dataDir, port, log);
    server.awaitHealthy();
    JsonNode ended = server.status("sigterm-running");
    assertThat(ended.get("statusCode").asText()).isEqualTo("FAILED");
    assertThat(ended.get("errorMsg").asText()).isEqualTo("Worker[localhost:" + port + "] shut down while the task"
        + " was running");
  }

  /**
   * kill -9 of the JVM, or of the JVM and its PostgreSQL together, while 16 clients submit: every
   * submission that was answered 200 is there after the restart (the database commits before the
   * answer), and every task then ends: none stays RUNNING.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "database killed too: {0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void aCrashUnderSixteenSubmittersLosesNoAcknowledgedSubmission(boolean databaseToo) throws Exception {
    Path dataDir = Files.createTempDirectory("crash-it");
    Path log = dataDir.resolve("server.log");
    int port = NodeProcess.freePort();
    server = start(dataDir, port, log);
    server.awaitHealthy();

    java.util.Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.concurrent.atomic.AtomicBoolean go = new java.util.concurrent.atomic.AtomicBoolean(true);
    List<Thread> clients = new java.util.ArrayList<>();
    for (int c = 0; c < 16; c++) {
      int client = c;
      Thread t = new Thread(() -> {
        HttpClient own = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int n = 0; go.get() && n < 100_000; n++) {
          String id = "ack-" + client + "-" + n;
          try {
            HttpResponse<String> r = own.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + API
                + "/task")).timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"noop\",\"id\":\"" + id
                    + "\",\"runTime\":1}")).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
              acknowledged.add(id);
            }
          } catch (IOException down) {
            return; // the server is gone
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      t.start();
      clients.add(t);
    }
    Thread.sleep(3_000);
    List<ProcessHandle> database = ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains(dataDir.resolve("postgres").toString()))
        .toList();
    assertThat(database).as("the embedded PostgreSQL of " + dataDir).isNotEmpty();
    List<ProcessHandle> doomed = new java.util.ArrayList<>();
    if (databaseToo) {
      doomed.addAll(database);
      database.forEach(p -> p.descendants().forEach(doomed::add));
    }
    doomed.add(server.process.toHandle());
    doomed.forEach(ProcessHandle::destroyForcibly);
    server.process.waitFor();
    go.set(false);
    for (Thread t : clients) {
      t.join(10_000);
    }
    int answered = acknowledged.size();
    assertThat(answered).as("submissions answered 200 before the crash").isGreaterThan(100);

    server = start(dataDir, port, log);
    long restartMs = server.awaitHealthy();
    int lost = 0;
    for (String id : acknowledged) {
      HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.uri(API + "/task/" + id + "/status")));
      if (r.statusCode() != 200) {
        lost++;
      }
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    int active = -1;
    while (System.nanoTime() < deadline && active != 0) {
      active = server.get(API + "/runningTasks").size() + server.get(API + "/pendingTasks").size()
          + server.get(API + "/waitingTasks").size();
      Thread.sleep(200);
    }
    System.out.printf("kill -9 of the JVM%s under 16 submitters: %d acknowledged, %d lost, restart to first 200 %d ms,"
        + " %d tasks still active after %d s%n", databaseToo ? " and PostgreSQL" : "", answered, lost, restartMs, active,
        120 - Math.max(0, (deadline - System.nanoTime()) / 1_000_000_000));
    assertThat(lost).isZero();
    assertThat(active).as("tasks still active (none may stay RUNNING)").isZero();
  }
}
