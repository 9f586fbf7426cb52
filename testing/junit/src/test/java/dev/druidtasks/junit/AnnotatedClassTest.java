package dev.druidtasks.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@code @DruidTasksTest} with its defaults: the server is emptied before each test. */
@DruidTasksTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnotatedClassTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Order(1)
  void aTestSubmitsATask(@DruidTasksUrl URI url) throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(url.resolve("/druid/indexer/v1/task"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"noop\",\"id\":\"kept-or-not\",\"runTime\":60000}")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void theNextTestStartsFromAnEmptyServer(@DruidTasksUrl String url, DruidTasks druid) throws Exception {
    assertThat(url).isEqualTo(druid.url().toString());
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url + "/druid/indexer/v1/tasks")));
    assertThat(r.body()).isEqualTo("[]");
    assertThat(druid.control().submitted()).isEmpty();
  }

  @Test
  @Order(3)
  void startAndResetTimes(DruidTasks druid) {
    Duration start = druid.startTime();
    long[] walls = new long[20];
    long[] server = new long[walls.length];
    for (int i = 0; i < walls.length; i++) {
      long t = System.nanoTime();
      server[i] = druid.control().reset().tookMs();
      walls[i] = (System.nanoTime() - t) / 1_000;
    }
    java.util.Arrays.sort(walls);
    java.util.Arrays.sort(server);
    System.out.printf("druid-tasks-junit: server start %d ms; reset (empty server) median %.1f ms, max %.1f ms"
        + " as the test sees it (%d ms on the server)%n", start.toMillis(), walls[walls.length / 2] / 1000.0,
        walls[walls.length - 1] / 1000.0, server[server.length / 2]);
    assertThat(start).isPositive();
  }
}
