package dev.druidtasks.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A test JVM that used the shared server exits promptly, with tasks still running: the server is stopped
 * once, by Jetty's exit hook, and its embedded PostgreSQL after it. (Two stoppers raced, and the stop was
 * left half done; the JVM then waited for it.)
 */
class JvmExitTest {
  /** Started in a JVM of its own: the shared server, six long tasks, then {@code System.exit(0)}. */
  public static void main(String[] args) throws Exception {
    DruidTasks server = ServerPool.server(2);
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.tasksApi() + "/task"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"noop\",\"runTime\":600000}")).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(r.body());
      }
    }
    Thread.sleep(300); // two of them running, four pending
    System.out.println("exiting");
    System.exit(0);
  }

  @ParameterizedTest(name = "exit {0}")
  @ValueSource(ints = {1, 2, 3})
  void aJvmThatUsedTheServerExitsWithinSecondsOfItsExit(int run) throws Exception {
    Path log = Files.createTempFile("jvm-exit", ".log");
    Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), JvmExitTest.class.getName()))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!Files.readString(log).contains("exiting") && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(Files.readString(log)).contains("exiting");
      long asked = System.nanoTime();
      // the engine's stop (each loop joined for at most 5 s) and PostgreSQL's: well under Surefire's 30 s
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("exited within 20 s of System.exit").isTrue();
      String out = Files.readString(log);
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).doesNotContain("did not stop within").doesNotContain("Unable to destroy");
      System.out.printf("JVM exit %d: %d ms after System.exit%n", run, (System.nanoTime() - asked) / 1_000_000);
    } finally {
      p.destroyForcibly();
    }
  }
}
