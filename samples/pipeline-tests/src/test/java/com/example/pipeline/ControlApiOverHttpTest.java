package com.example.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.druidtasks.junit.DruidTasksExtension;
import dev.druidtasks.junit.Reset;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The control API from plain HTTP, as a test in any language would call it: the extension only starts the
 * server; the test resets it, holds tasks, sets rules and outcomes, moves the clock with its own requests.
 */
class ControlApiOverHttpTest {
  @RegisterExtension
  static DruidTasksExtension druid = DruidTasksExtension.builder().reset(Reset.NEVER).build();

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> call(String method, String path, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(druid.url() + path));
    b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
        : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(200);
    return r;
  }

  private static String status(String id) throws Exception {
    return call("GET", "/druid/indexer/v1/task/" + id + "/status", null).body();
  }

  @BeforeEach
  void reset() throws Exception {
    call("POST", "/druid-tasks/v1/control/reset", null);
  }

  @Test
  void aPausedWorkerHoldsTasksPendingAndARuleDecidesTheirEnd() throws Exception {
    call("POST", "/druid-tasks/v1/control/rules", """
        {"type": "query_controller", "simulate": {"runTimeMs": 200, "outcome": "FAILED", "errorMsg": "Query canceled"}}
        """);
    call("POST", "/druid-tasks/v1/control/worker/pause", null);
    call("POST", "/druid/indexer/v1/task", """
        {"type": "query_controller", "id": "query-223549f8-b993-4483-b028-1b0d54713cad", "dataSource": "wikipedia_api"}
        """);
    awaitContains("query-223549f8-b993-4483-b028-1b0d54713cad", "\"runnerStatusCode\":\"PENDING\"");
    call("POST", "/druid-tasks/v1/control/worker/resume", null);
    awaitContains("query-223549f8-b993-4483-b028-1b0d54713cad", "\"errorMsg\":\"Query canceled\"");
  }

  @Test
  void aRunningTaskIsEndedNowAndTheClockMovesDurations() throws Exception {
    call("POST", "/druid/indexer/v1/task", """
        {"type": "index_kafka", "id": "long-kafka", "dataSource": "metrics",
         "context": {"druidTasks.simulate": {"runTimeMs": 86400000}}}
        """);
    awaitContains("long-kafka", "\"runnerStatusCode\":\"RUNNING\"");
    call("POST", "/druid-tasks/v1/control/clock/advance", "{\"by\": \"PT6H\"}");
    call("POST", "/druid-tasks/v1/control/tasks/long-kafka/outcome", "{\"status\": \"SUCCESS\"}");
    String ended = status("long-kafka");
    assertThat(ended).contains("\"status\":\"SUCCESS\"");
    long duration = Long.parseLong(ended.replaceAll(".*\"duration\":(\\d+).*", "$1"));
    assertThat(duration).isGreaterThanOrEqualTo(Duration.ofHours(6).toMillis());
    assertThat(call("GET", "/druid-tasks/v1/control/submitted?type=index_kafka", null).body()).contains("long-kafka");
  }

  private static void awaitContains(String id, String text) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!status(id).contains(text)) {
      assertThat(System.nanoTime()).as(id + " never showed " + text + ": " + status(id)).isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
