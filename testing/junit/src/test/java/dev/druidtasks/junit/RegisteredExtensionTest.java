package dev.druidtasks.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension registered in a field, reset once per class: tests of the class see each other's tasks. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegisteredExtensionTest {
  @RegisterExtension
  static DruidTasksExtension druid = DruidTasksExtension.builder().reset(Reset.PER_CLASS).build();

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(druid.url().resolve(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String status(String id) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(druid.url().resolve("/druid/indexer/v1/task/" + id + "/status")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  @Order(1)
  void aRuleMakesKafkaTasksFail() throws Exception {
    druid.control().addRule(new DruidTasksControl.Rule("index_kafka", null, null,
        Simulation.failAfter(Duration.ofMillis(50), "broker down")));
    assertThat(post("/druid/indexer/v1/task", "{\"type\":\"index_kafka\",\"id\":\"ruled-kafka\",\"dataSource\":\"k\"}")
        .statusCode()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void theTaskOfTheFirstTestIsStillThere() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!status("ruled-kafka").contains("\"FAILED\"") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(status("ruled-kafka")).contains("broker down");
    List<DruidTasksControl.Submitted> submitted = druid.control().submitted("index_kafka");
    assertThat(submitted).extracting(DruidTasksControl.Submitted::id).containsExactly("ruled-kafka");
  }

  @Test
  @Order(3)
  void heldTasksWaitUntilResumed() throws Exception {
    druid.control().pauseScheduling();
    String body = "{\"type\":\"index_kinesis\",\"id\":\"held-kinesis\",\"dataSource\":\"k\",\"context\":"
        + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Simulation.succeedAfter(Duration.ZERO)
            .asContext()) + "}";
    assertThat(post("/druid/indexer/v1/task", body).statusCode()).isEqualTo(200);
    Thread.sleep(200);
    assertThat(status("held-kinesis")).contains("\"runnerStatusCode\":\"WAITING\"");
    druid.control().resumeScheduling();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!status("held-kinesis").contains("\"SUCCESS\"") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(status("held-kinesis")).contains("\"SUCCESS\"");
  }
}
