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
  private static final String API = "/druid/indexer/v1";
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private Process server;

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null && server.isAlive()) {
      server.destroy();
      server.waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private Process start(Path dataDir, int port, int adminPort, Path log) throws IOException {
    Path jar = Path.of("target", "druid-tasks-server.jar").toAbsolutePath();
    return new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar.toString(), "serve", "--port", String.valueOf(port), "--admin-port", String.valueOf(adminPort),
        "--data-dir", dataDir.toString(), "--capacity", "1"))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
  }

  private long awaitHealthy(int port) throws Exception {
    long t0 = System.nanoTime();
    while (System.nanoTime() - t0 < Duration.ofSeconds(90).toNanos()) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/status/health")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return (System.nanoTime() - t0) / 1_000_000;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new AssertionError("server on port " + port + " did not become healthy");
  }

  private JsonNode get(int port, String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  private void submit(int port, String body) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + API + "/task"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  private JsonNode awaitStatus(int port, String id, String runner) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode s = get(port, API + "/task/" + id + "/status").get("status");
    while (!runner.equals(s.get("runnerStatusCode").asText())) {
      assertThat(System.nanoTime()).as("task " + id + " last " + s).isLessThan(deadline);
      Thread.sleep(50);
      s = get(port, API + "/task/" + id + "/status").get("status");
    }
    return s;
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
    int port = freePort();
    int adminPort = freePort();

    server = start(dataDir, port, adminPort, log);
    long firstStartMs = awaitHealthy(port);
    submit(port, "{\"type\":\"noop\",\"id\":\"restart-running\",\"runTime\":600000}");
    submit(port, "{\"type\":\"noop\",\"id\":\"restart-pending\",\"runTime\":300}");
    awaitStatus(port, "restart-running", "RUNNING");
    awaitStatus(port, "restart-pending", "PENDING");
    Thread.sleep(1_000);
    long rss = rssKb(server.pid());

    server.destroyForcibly().waitFor();

    server = start(dataDir, port, adminPort, log);
    long restartMs = awaitHealthy(port);
    JsonNode lost = awaitStatus(port, "restart-running", "NONE");
    assertThat(lost.get("statusCode").asText()).isEqualTo("FAILED");
    assertThat(lost.get("errorMsg").asText()).contains("when it stopped");
    JsonNode resumed = awaitStatus(port, "restart-pending", "NONE");
    assertThat(resumed.get("statusCode").asText()).isEqualTo("SUCCESS");
    assertThat(get(port, API + "/task/restart-running").get("payload").get("runTime").asLong()).isEqualTo(600000);

    System.out.printf("startup to first 200: first run %d ms, after kill -9 %d ms; RSS with one task running %d MiB%n",
        firstStartMs, restartMs, rss / 1024);
  }

  /**
   * kill -9 of the JVM and its PostgreSQL together while 16 clients submit: every submission that
   * was answered 200 is there after the restart (the database commits before the answer).
   */
  @Test
  void killingTheJvmAndItsDatabaseTogetherLosesNoAcknowledgedSubmission() throws Exception {
    Path dataDir = Files.createTempDirectory("crash-it");
    Path log = dataDir.resolve("server.log");
    int port = freePort();
    int adminPort = freePort();
    server = start(dataDir, port, adminPort, log);
    awaitHealthy(port);

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
    List<ProcessHandle> doomed = new java.util.ArrayList<>(database);
    database.forEach(p -> p.descendants().forEach(doomed::add));
    doomed.add(server.toHandle());
    doomed.forEach(ProcessHandle::destroyForcibly);
    server.waitFor();
    go.set(false);
    for (Thread t : clients) {
      t.join(10_000);
    }
    int answered = acknowledged.size();
    assertThat(answered).as("submissions answered 200 before the crash").isGreaterThan(100);

    server = start(dataDir, port, adminPort, log);
    long restartMs = awaitHealthy(port);
    int lost = 0;
    for (String id : acknowledged) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + API
          + "/task/" + id + "/status")).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        lost++;
      }
    }
    System.out.printf("crash of JVM and PostgreSQL together under 16 submitters: %d acknowledged, %d lost, "
        + "restart to first 200 %d ms%n", answered, lost, restartMs);
    assertThat(lost).isZero();
  }
}
