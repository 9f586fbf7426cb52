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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The packaged server run as users run it, in a process of its own, and what tests ask of it over HTTP. */
final class NodeProcess {
  static final String API = "/druid/indexer/v1";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  final Process process;
  final int port;

  private NodeProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** {@code java -jar target/druid-tasks-server.jar <command> --port P --admin-port A <more>}, output to {@code log}. */
  static NodeProcess start(String command, int port, Path log, String... more) throws IOException {
    return start(List.of(), command, port, log, more);
  }

  /** As {@link #start(String, int, Path, String...)}, with options for the JVM. */
  static NodeProcess start(List<String> jvm, String command, int port, Path log, String... more) throws IOException {
    // failsafe runs in the module, surefire (configured so) at the repository root
    Path jar = Stream.of(Path.of("target"), Path.of("server", "target"))
        .map(dir -> dir.resolve("druid-tasks-server.jar").toAbsolutePath()).filter(Files::isRegularFile)
        .findFirst().orElseThrow(() -> new IllegalStateException("no druid-tasks-server.jar: run mvn package first"));
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(jvm);
    cmd.addAll(List.of("-jar", jar.toString(), command, "--port", String.valueOf(port), "--admin-port",
        String.valueOf(freePort())));
    cmd.addAll(List.of(more));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    return new NodeProcess(p, port);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Milliseconds until {@code /status/health} answered 200. */
  long awaitHealthy() throws Exception {
    long t0 = System.nanoTime();
    while (System.nanoTime() - t0 < Duration.ofSeconds(90).toNanos()) {
      try {
        if (send(HttpRequest.newBuilder(uri("/status/health"))).statusCode() == 200) {
          return (System.nanoTime() - t0) / 1_000_000;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new AssertionError("server on port " + port + " did not become healthy");
  }

  JsonNode get(String path) throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)));
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  void submit(String body) throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri(API + "/task")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  JsonNode status(String id) throws Exception {
    return get(API + "/task/" + id + "/status").get("status");
  }

  /** Polls the task until its runnerStatusCode is {@code runner}. */
  JsonNode awaitRunner(String id, String runner, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode s = status(id);
    while (!runner.equals(s.get("runnerStatusCode").asText())) {
      assertThat(System.nanoTime()).as("task " + id + " last " + s).isLessThan(deadline);
      Thread.sleep(50);
      s = status(id);
    }
    return s;
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  void stop() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      process.waitFor();
    }
  }
}
