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
}
