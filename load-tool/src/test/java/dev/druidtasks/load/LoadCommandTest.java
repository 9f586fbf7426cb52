package dev.druidtasks.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool against a stub target it cannot tell from a real one, whose answers each test controls. */
class LoadCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private LoadReport run(StubTarget target, String... args) throws Exception {
    Path report = dir.resolve("report-" + System.nanoTime() + ".json");
    List<String> all = new ArrayList<>(List.of("--target", target.uri().toString(), "--report", report.toString()));
    all.addAll(List.of(args));
    assertThat(LoadCommand.execute(all.toArray(String[]::new))).isZero();
    return JSON.readValue(report.toFile(), LoadReport.class);
  }

  private static LoadReport.OperationReport op(LoadReport r, String name) {
    return r.operations().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aStallShowsInEveryRequestItHeldBackAtAConstantRate() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    try (StubTarget target = new StubTarget(r -> r.pathAndQuery().endsWith("/status") && polls.incrementAndGet() == 100
        ? new StubTarget.Answer(200, "{}", 200) : StubTarget.api(r))) {
      LoadReport r = run(target, "--scenario", "poll", "--rate", "200", "--clients", "1", "--duration", "2",
          "--warmup", "0", "--setup-tasks", "2");
      LoadReport.OperationReport status = op(r, "status");
      // one answer took 200 ms; at 5 ms a slot, the ~40 requests due meanwhile waited for it too
      assertThat(status.latencyMs().max()).isGreaterThanOrEqualTo(195);
      assertThat(status.latencyMs().p99()).isGreaterThanOrEqualTo(100);
      // and none of them was dropped: the schedule's 400 requests were all sent and measured
      assertThat(status.count()).isBetween(390L, 401L);
      assertThat(r.mode()).isEqualTo("constant-rate");
      assertThat(r.unsent()).isZero();
    }
  }

  @Test
  void closedLoopMeasuresFromTheActualSend() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    try (StubTarget target = new StubTarget(r -> r.pathAndQuery().endsWith("/status") && polls.incrementAndGet() == 20
        ? new StubTarget.Answer(200, "{}", 200) : StubTarget.api(r))) {
      LoadReport r = run(target, "--scenario", "poll", "--clients", "1", "--duration", "5", "--warmup", "0",
          "--setup-tasks", "1", "--max-requests", "200");
      assertThat(r.mode()).isEqualTo("closed-loop");
      assertThat(r.stoppedBy()).isEqualTo("max-requests");
      assertThat(op(r, "status").count()).isEqualTo(200);
      assertThat(op(r, "status").latencyMs().max()).isGreaterThanOrEqualTo(195);
    }
  }

  @Test
  void errorsAreCountedByStatusCode() throws Exception {
    try (StubTarget target = new StubTarget(r -> r.pathAndQuery().endsWith("/completeTasks?max=100")
        ? new StubTarget.Answer(500, "{\"error\":\"boom\"}", 0)
        : r.pathAndQuery().contains("state=complete") ? new StubTarget.Answer(404, "{}", 0) : StubTarget.api(r))) {
      LoadReport r = run(target, "--scenario", "list", "--clients", "3", "--max-requests", "90", "--warmup", "0");
      assertThat(op(r, "tasks").errorCount()).isZero();
      assertThat(op(r, "completeTasks").errors()).containsOnlyKeys("500");
      assertThat(op(r, "completeTasks").errorCount()).isEqualTo(op(r, "completeTasks").count()).isPositive();
      assertThat(op(r, "tasks-complete-datasource").errors()).containsOnlyKeys("404");
      assertThat(r.total().errors()).containsOnlyKeys("404", "500");
      assertThat(r.operations().stream().mapToLong(LoadReport.OperationReport::count).sum()).isEqualTo(90);
      // the data source listed is the newest complete task's
      assertThat(r.setup().dataSource()).isEqualTo("wikipedia");
      assertThat(target.received).anyMatch(q -> q.pathAndQuery().contains("datasource=wikipedia&max=100"));
    }
  }

  @Test
  void theDeadlineHoldsWhenTheTargetNeverAnswers() throws Exception {
    try (StubTarget target = new StubTarget(r -> r.pathAndQuery().endsWith("/status")
        ? new StubTarget.Answer(200, "{}", 120_000) : StubTarget.api(r))) {
      long t0 = System.nanoTime();
      LoadReport r = run(target, "--scenario", "poll", "--clients", "2", "--rate", "20", "--duration", "1",
          "--warmup", "0", "--timeout", "1", "--setup-tasks", "1");
      double took = (System.nanoTime() - t0) / 1e9;
      // the end (1 s), one timeout to drain (1 s), the last request's own timeout (1 s)
      assertThat(took).isLessThan(5.5);
      assertThat(op(r, "status").errors()).containsOnlyKeys("timeout");
      assertThat(op(r, "status").latencyMs().max()).isGreaterThanOrEqualTo(1000);
      assertThat(r.unsent()).isPositive();
    }
  }

  @Test
  void aSetupThatNeverAnswersEndsTheRunInTime() throws Exception {
    try (StubTarget target = new StubTarget(r -> new StubTarget.Answer(200, "[]", 120_000))) {
      long t0 = System.nanoTime();
      int code = LoadCommand.execute("--target", target.uri().toString(), "--scenario", "poll", "--timeout", "1",
          "--setup-timeout", "2");
      assertThat(code).isEqualTo(LoadCommand.FAILED);
      assertThat((System.nanoTime() - t0) / 1e9).isLessThan(4);
    }
  }

  @Test
  void theJsonReportHasEveryFieldAndSubmittedIdsAreUniquePerRun() throws Exception {
    try (StubTarget target = new StubTarget(StubTarget::api)) {
      Path file = dir.resolve("submit.json");
      assertThat(LoadCommand.execute("--target", target.uri().toString(), "--scenario", "submit", "--clients", "2",
          "--rate", "100", "--duration", "1", "--warmup", "0.2", "--report", file.toString())).isZero();
      JsonNode r = JSON.readTree(Files.readString(file));
      for (String field : List.of("target", "scenario", "mode", "clients", "rate", "warmupSeconds", "durationSeconds",
          "measuredSeconds", "startedAt", "stoppedBy", "unsent", "setup", "operations", "total")) {
        assertThat(r.has(field)).as(field).isTrue();
      }
      JsonNode submit = r.get("operations").get(0);
      assertThat(submit.get("name").asText()).isEqualTo("submit");
      assertThat(submit.get("endpoint").asText()).isEqualTo("POST /task");
      for (String field : List.of("count", "errorCount", "errors", "throughputPerSecond", "meanResponseBytes")) {
        assertThat(submit.has(field)).as(field).isTrue();
      }
      JsonNode latency = submit.get("latencyMs");
      assertThat(latency.get("p50").asDouble()).isPositive().isLessThanOrEqualTo(latency.get("p90").asDouble());
      assertThat(latency.get("p90").asDouble()).isLessThanOrEqualTo(latency.get("p99").asDouble());
      assertThat(latency.get("p99").asDouble()).isLessThanOrEqualTo(latency.get("max").asDouble());
      assertThat(submit.get("count").asLong()).isBetween(90L, 101L);
      assertThat(submit.get("throughputPerSecond").asDouble()).isBetween(80.0, 110.0);

      List<String> ids = target.received.stream().filter(q -> q.pathAndQuery().endsWith("/task"))
          .map(q -> q.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1")).toList();
      assertThat(ids).hasSizeGreaterThan(100).doesNotHaveDuplicates()
          .allMatch(id -> id.startsWith(r.at("/setup/runId").asText() + "-"));
      assertThat(target.received).allMatch(q -> q.body().isEmpty() || q.body().contains("\"runTime\":1"));
    }
  }

  @Test
  void mixedRunsEachOperationAsOftenAsItsWeightAndBulkStatusCarriesTheIdsAskedFor() throws Exception {
    try (StubTarget target = new StubTarget(StubTarget::api)) {
      LoadReport r = run(target, "--scenario", "mixed", "--mix", "status=3,taskStatus=1", "--bulk-ids", "25",
          "--clients", "2", "--max-requests", "400", "--warmup", "0", "--setup-tasks", "5");
      assertThat(op(r, "status").count()).isEqualTo(300);
      assertThat(op(r, "taskStatus").count()).isEqualTo(100);
      assertThat(r.setup().pollIds()).isEqualTo(6); // five made, one found stored
      StubTarget.Request bulk = target.received.stream()
          .filter(q -> q.pathAndQuery().endsWith("/taskStatus")).findFirst().orElseThrow();
      assertThat(JSON.readTree(bulk.body()).size()).isEqualTo(25);
    }
  }

  /** Each task answers RUNNING to its first three polls, 20 ms each, then SUCCESS; the fifth submitted fails. */
  @Test
  void lifecycleMeasuresFromTheSubmissionToTheStatusThatShowsTheTaskComplete() throws Exception {
    Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    try (StubTarget target = new StubTarget(r -> {
      if (!r.pathAndQuery().endsWith("/status")) {
        return StubTarget.api(r);
      }
      String id = r.pathAndQuery().replaceAll(".*/task/([^/]+)/status", "$1");
      int n = polls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
      String state = n <= 3 ? "RUNNING" : id.endsWith("-c0-4") ? "FAILED" : "SUCCESS";
      return new StubTarget.Answer(200, "{\"task\":\"" + id + "\",\"status\":{\"id\":\"" + id
          + "\",\"statusCode\":\"" + state + "\"}}", 20);
    })) {
      LoadReport r = run(target, "--scenario", "lifecycle", "--clients", "1", "--max-requests", "10", "--warmup", "0",
          "--poll-interval", "0");
      LoadReport.OperationReport life = op(r, "lifecycle");
      assertThat(life.count()).isEqualTo(10);
      assertThat(life.errors()).containsExactly(Map.entry("FAILED", 1L));
      // four polls of 20 ms after the submission: the measure ends with the status that showed it complete
      assertThat(life.latencyMs().p50()).isGreaterThanOrEqualTo(80);
      assertThat(polls).hasSize(10).allSatisfy((id, n) -> assertThat(n.get()).isEqualTo(4));
    }
  }

  @Test
  void aBadOptionIsAUsageError() {
    assertThat(LoadCommand.execute("--target", "http://localhost:1", "--scenario", "nope")).isEqualTo(2);
    assertThat(LoadCommand.execute("--target", "http://localhost:1", "--scenario", "poll", "--clients", "0"))
        .isEqualTo(2);
    assertThat(LoadCommand.execute("--target", "http://localhost:1", "--scenario", "mixed", "--mix", "nope=1"))
        .isEqualTo(2);
  }
}
