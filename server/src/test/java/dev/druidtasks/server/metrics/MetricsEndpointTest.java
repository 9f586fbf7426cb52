package dev.druidtasks.server.metrics;

import static dev.druidtasks.server.TestServer.API;
import static org.assertj.core.api.Assertions.assertThat;

import dev.druidtasks.server.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} on the admin port after tasks ran: the values, not only the names. On a server of its
 * own, so the slots and counts are this test's alone.
 */
class MetricsEndpointTest {
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(Files.createTempDirectory("druid-tasks-metrics"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Scrape scrape() {
    HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.admin().resolve("/metrics")).GET());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    return Scrape.of(r.body());
  }

  @Test
  void countsAndTimesTasksAsDruidNamesThem() {
    String ds = "metrics-" + UUID.randomUUID();
    Map<String, String> ofDs = Map.of("dataSource", ds);
    String quick = server.submit("{\"type\":\"noop\",\"runTime\":300,\"dataSource\":\"" + ds + "\"}");
    String slow = server.submit("{\"type\":\"noop\",\"runTime\":600000,\"dataSource\":\"" + ds + "\"}");
    server.awaitComplete(quick);
    server.awaitRunner(slow, "RUNNING");

    Scrape running = scrape();
    assertThat(running.value("druid_task_running_count", ofDs)).hasValue(1);
    assertThat(running.value("druid_task_pending_count", ofDs)).hasValue(0);
    assertThat(running.value("druid_task_waiting_count", ofDs)).hasValue(0);
    assertThat(running.value("druid_task_success_count_total", ofDs)).hasValue(1);
    assertThat(running.value("druid_task_failed_count_total", ofDs)).isEmpty();
    Map<String, String> noopOfDs = Map.of("dataSource", ds, "taskType", "noop");
    assertThat(running.value("druid_task_run_time_count", noopOfDs)).hasValue(1);
    // a 300 ms run: in Druid's 0.5 s bucket, not in its 0.25 s one
    assertThat(running.value("druid_task_run_time_bucket", Map.of("dataSource", ds, "le", "0.25"))).hasValue(0);
    assertThat(running.value("druid_task_run_time_bucket", Map.of("dataSource", ds, "le", "0.5"))).hasValue(1);
    assertThat(running.value("druid_task_run_time_sum", noopOfDs).orElseThrow()).isBetween(0.3, 0.5);

    assertThat(server.post(API + "/task/" + slow + "/shutdown", null, null).statusCode()).isEqualTo(200);
    server.awaitComplete(slow);
    Scrape ended = scrape();
    assertThat(ended.value("druid_task_running_count", ofDs)).hasValue(0);
    assertThat(ended.value("druid_task_success_count_total", ofDs)).hasValue(1);
    assertThat(ended.value("druid_task_failed_count_total", ofDs)).hasValue(1);
    assertThat(ended.value("druid_task_run_time_count", noopOfDs)).hasValue(2);
  }

  @Test
  void aTaskStoppedBeforeItRanCountsAsFailedWithoutARunTime() {
    String ds = "metrics-" + UUID.randomUUID();
    Map<String, String> ofDs = Map.of("dataSource", ds);
    // every worker slot busy, so the task stays PENDING until it is stopped
    int slots = server.json(server.get(API + "/totalWorkerCapacity")).get("currentClusterCapacity").asInt();
    List<String> fillers = new ArrayList<>();
    for (int i = 0; i < slots; i++) {
      fillers.add(server.submit("{\"type\":\"noop\",\"runTime\":600000,\"dataSource\":\"" + ds + "-filler\"}"));
    }
    try {
      fillers.forEach(f -> server.awaitRunner(f, "RUNNING"));
      String pending = server.submit("{\"type\":\"noop\",\"runTime\":1,\"dataSource\":\"" + ds + "\"}");
      server.awaitRunner(pending, "PENDING");
      Scrape queued = scrape();
      assertThat(queued.value("druid_task_pending_count", ofDs)).hasValue(1);
      assertThat(queued.value("druid_tasks_queue_depth", Map.of()).orElseThrow()).isGreaterThanOrEqualTo(1);
      assertThat(server.post(API + "/task/" + pending + "/shutdown", null, null).statusCode()).isEqualTo(200);
      server.awaitComplete(pending);
      Scrape s = scrape();
      assertThat(s.value("druid_task_failed_count_total", ofDs)).hasValue(1);
      assertThat(s.value("druid_task_pending_count", ofDs)).hasValue(0);
      assertThat(s.value("druid_task_run_time_count", Map.of("dataSource", ds, "taskType", "noop"))).isEmpty();
    } finally {
      server.post(API + "/datasources/" + ds + "-filler/shutdownAllTasks", null, null);
    }
  }

  @Test
  void timesRequestsByEndpointTemplateNeverByRawId() {
    String id = server.submit("{\"type\":\"noop\",\"runTime\":1}");
    server.awaitComplete(id);
    server.get(API + "/task/" + id + "/status");
    server.get(API + "/task/" + id + "/status");
    Scrape s = scrape();
    assertThat(s.value("druid_tasks_http_request_duration_seconds_count",
        Map.of("method", "GET", "path", "/druid/indexer/v1/task/{taskId}/status", "status", "200")).orElseThrow())
        .isGreaterThanOrEqualTo(2);
    assertThat(s.text()).doesNotContain(id);
    assertThat(s.value("druid_tasks_http_request_duration_seconds_count",
        Map.of("method", "POST", "path", "/druid/indexer/v1/task", "status", "200")).orElseThrow())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void bridgesTheEngineDatabasePoolAndDropwizard() throws Exception {
    Scrape s = scrape();
    // kept as a sample of the exposition (the README quotes it)
    Files.writeString(Path.of("server/target/metrics-sample.txt"), s.text());
    assertThat(s.value("druid_tasks_scheduler_step_seconds_count", Map.of()).orElseThrow()).isPositive();
    assertThat(s.value("druid_tasks_claim_seconds_count", Map.of()).orElseThrow()).isPositive();
    assertThat(s.value("druid_tasks_queue_depth", Map.of())).isPresent();
    assertThat(s.value("io_dropwizard_db_ManagedPooledDataSource_postgresql_size", Map.of()).orElseThrow())
        .isPositive();
    assertThat(s.value("jvm_memory_used_bytes", Map.of("area", "heap")).orElseThrow()).isPositive();
    assertThat(s.value("io_dropwizard_jetty_MutableServletContextHandler_get_requests_count", Map.of())).isPresent();
  }
}
