package dev.druidtasks.server.api;

import static dev.druidtasks.server.TestServer.API;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.druidtasks.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Simulated task types and the control API on a server of their own (its resets wipe everything). */
class ControlApiTest {
  static final String CONTROL = "/druid-tasks/v1/control";
  @TempDir static Path dir;
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(dir.resolve("data"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    ok(server.post(CONTROL + "/reset", null, null));
  }

  private static JsonNode ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return server.json(r);
  }

  private static HttpResponse<String> post(String path, String json) {
    return server.post(path, "application/json", json);
  }

  private static String kafka(String id, String simulate) {
    return "{\"type\":\"index_kafka\",\"id\":\"" + id + "\",\"dataSource\":\"social_media\","
        + "\"context\":{\"druidTasks.simulate\":" + simulate + "}}";
  }

  @Test
  void anIndexKafkaTaskFailsAfterItsRunTimeWithItsErrorMessage() {
    String id = server.submit(kafka("index_kafka_social_media_0e905aa31037879_nommnaeg",
        "{\"runTimeMs\":300,\"outcome\":\"FAILED\",\"errorMsg\":\"Kafka went away\",\"logLines\":[\"polling\"],"
            + "\"report\":{\"ingestionStatsAndErrors\":{\"type\":\"ingestionStatsAndErrors\"}}}"));
    assertThat(id).isEqualTo("index_kafka_social_media_0e905aa31037879_nommnaeg");
    JsonNode status = server.awaitComplete(id);
    assertThat(status.get("status").asText()).isEqualTo("FAILED");
    assertThat(status.get("errorMsg").asText()).isEqualTo("Kafka went away");
    assertThat(status.get("duration").asLong()).isGreaterThanOrEqualTo(300);
    assertThat(status.get("type").asText()).isEqualTo("index_kafka");
    assertThat(server.get(API + "/task/" + id + "/log").body()).contains("polling");
    assertThat(server.json(server.get(API + "/task/" + id + "/reports")).has("ingestionStatsAndErrors")).isTrue();
    JsonNode payload = server.json(server.get(API + "/task/" + id)).get("payload");
    assertThat(payload.get("context").get("druidTasks.simulate").get("runTimeMs").asInt()).isEqualTo(300);
  }

  @Test
  void theDocsSampleTypesAndIdsSubmitVerbatim() {
    String worker = server.submit("{\"type\":\"query_worker\",\"id\":\"query-223549f8-b993-4483-b028-1b0d54713cad-worker0_0\","
        + "\"groupId\":\"query-223549f8-b993-4483-b028-1b0d54713cad\",\"dataSource\":\"wikipedia_api\"}");
    String controller = server.submit("{\"type\":\"query_controller\",\"id\":\"query-223549f8-b993-4483-b028-1b0d54713cad\","
        + "\"spec\":{\"dataSchema\":{\"dataSource\":\"wikipedia_api\"}}}");
    assertThat(server.awaitComplete(worker).get("status").asText()).isEqualTo("SUCCESS");
    JsonNode c = server.awaitComplete(controller);
    assertThat(c.get("status").asText()).isEqualTo("SUCCESS");
    assertThat(c.get("dataSource").asText()).isEqualTo("wikipedia_api");
    String generated = server.submit("{\"type\":\"index_kinesis\",\"dataSchema\":{\"dataSource\":\"clicks\"}}");
    assertThat(generated).startsWith("index_kinesis_clicks_");
  }

  @Test
  void aWrongPlanIsRefusedNamingTheField() {
    for (String[] c : new String[][] {
        {"{\"runTimeMs\":-1}", "context.druidTasks.simulate.runTimeMs"},
        {"{\"runTimeMs\":\"soon\"}", "context.druidTasks.simulate.runTimeMs"},
        {"{\"outcome\":\"MAYBE\"}", "context.druidTasks.simulate.outcome"},
        {"{\"outcome\":\"SUCCESS\",\"errorMsg\":\"x\"}", "context.druidTasks.simulate.errorMsg"},
        {"{\"lockIntervals\":[\"nope\"]}", "context.druidTasks.simulate.lockIntervals[0]"},
        {"{\"report\":[1]}", "context.druidTasks.simulate.report"},
        {"{\"runTimeMS\":1}", "context.druidTasks.simulate.runTimeMS"},
        {"3000", "context.druidTasks.simulate"}}) {
      HttpResponse<String> r = post(API + "/task", kafka("bad-plan", c[0]));
      assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
      assertThat(r.body()).as(c[0]).contains("[" + c[1] + "]").doesNotContain("dev.druidtasks").doesNotContain("java.");
    }
  }

  @Test
  void pausesHoldTasksWaitingThenPending() {
    ok(server.post(CONTROL + "/scheduling/pause", null, null));
    String id = server.submit(kafka("held", "{\"runTimeMs\":0}"));
    sleep(300);
    assertThat(server.status(id).get("runnerStatusCode").asText()).isEqualTo("WAITING");
    ok(server.post(CONTROL + "/worker/pause", null, null));
    JsonNode state = ok(server.post(CONTROL + "/scheduling/resume", null, null));
    assertThat(state.get("workerPaused").asBoolean()).isTrue();
    server.awaitRunner(id, "PENDING");
    sleep(300);
    assertThat(server.status(id).get("runnerStatusCode").asText()).isEqualTo("PENDING");
    ok(server.post(CONTROL + "/worker/resume", null, null));
    assertThat(server.awaitComplete(id).get("status").asText()).isEqualTo("SUCCESS");
  }

  @Test
  void anOutcomeIsSetNowOnAnyActiveTask() {
    String running = server.submit(kafka("long-kafka", "{\"runTimeMs\":600000}"));
    server.awaitRunner(running, "RUNNING");
    JsonNode set = ok(post(CONTROL + "/tasks/" + running + "/outcome", "{\"status\":\"FAILED\",\"errorMsg\":\"lag\"}"));
    assertThat(set.get("status").asText()).isEqualTo("FAILED");
    JsonNode s = server.status(running);
    assertThat(s.get("status").asText()).isEqualTo("FAILED");
    assertThat(s.get("errorMsg").asText()).isEqualTo("lag");

    String noop = server.submit("{\"type\":\"noop\",\"id\":\"long-noop\",\"runTime\":600000}");
    server.awaitRunner(noop, "RUNNING");
    ok(post(CONTROL + "/tasks/" + noop + "/outcome", "{\"status\":\"SUCCESS\"}"));
    assertThat(server.status(noop).get("status").asText()).isEqualTo("SUCCESS");

    ok(server.post(CONTROL + "/scheduling/pause", null, null));
    String waiting = server.submit(kafka("waiting-kafka", "{}"));
    ok(post(CONTROL + "/tasks/" + waiting + "/outcome", "{\"status\":\"FAILED\"}"));
    JsonNode w = server.status(waiting);
    assertThat(w.get("status").asText()).isEqualTo("FAILED");
    assertThat(w.get("duration").asLong()).isEqualTo(-1);

    assertThat(post(CONTROL + "/tasks/" + waiting + "/outcome", "{\"status\":\"SUCCESS\"}").statusCode()).isEqualTo(400);
    assertThat(post(CONTROL + "/tasks/nope/outcome", "{\"status\":\"SUCCESS\"}").statusCode()).isEqualTo(404);
    HttpResponse<String> bad = post(CONTROL + "/tasks/" + waiting + "/outcome", "{\"status\":\"DONE\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("[status]");
  }

  @Test
  void rulesDecideForTasksWithoutAPlan() {
    JsonNode rules = ok(post(CONTROL + "/rules", "{\"type\":\"index_kafka\",\"dataSource\":\"social_.*\","
        + "\"simulate\":{\"runTimeMs\":100,\"outcome\":\"FAILED\",\"errorMsg\":\"by rule\"}}"));
    assertThat(rules).hasSize(1);
    String matched = server.submit("{\"type\":\"index_kafka\",\"id\":\"ruled\",\"dataSource\":\"social_media\"}");
    String other = server.submit("{\"type\":\"index_kafka\",\"id\":\"unruled\",\"dataSource\":\"metrics\"}");
    assertThat(server.awaitComplete(matched).get("errorMsg").asText()).isEqualTo("by rule");
    assertThat(server.awaitComplete(other).get("status").asText()).isEqualTo("SUCCESS");
    HttpResponse<String> bad = post(CONTROL + "/rules", "{\"id\":\"(\",\"simulate\":{}}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("[id]");
    HttpResponse<String> badPlan = post(CONTROL + "/rules", "{\"simulate\":{\"outcome\":\"x\"}}");
    assertThat(badPlan.body()).contains("[simulate.outcome]");
    assertThat(post(CONTROL + "/rules", "{\"type\":\"index_kafka\"}").body()).contains("[simulate]");
    assertThat(ok(server.delete(CONTROL + "/rules"))).isEmpty();
  }

  @Test
  void theClockMovesTaskTimesAndTheRecentWindow() {
    String before = server.submit(kafka("before-advance", "{}"));
    server.awaitComplete(before);
    ok(post(CONTROL + "/clock/advance", "{\"by\":\"P2D\"}"));
    // complete tasks older than a day are left out of lists without max or createdTimeInterval
    assertThat(server.json(server.get(API + "/completeTasks")).findValuesAsText("id")).doesNotContain(before);
    String after = server.submit(kafka("after-advance", "{\"runTimeMs\":3600000}"));
    server.awaitRunner(after, "RUNNING");
    awaitLog(after, "Simulated index_kafka task"); // its run has begun: its end is due an hour from now
    JsonNode created = server.json(server.get(API + "/task/" + after + "/status")).get("status").get("createdTime");
    assertThat(java.time.Instant.parse(created.asText())).isAfter(java.time.Instant.now().plus(Duration.ofDays(1)));
    ok(post(CONTROL + "/clock/advance", "{\"by\":\"PT1H\"}"));
    JsonNode s = server.awaitComplete(after);
    assertThat(s.get("duration").asLong()).isGreaterThanOrEqualTo(3_600_000L);
    assertThat(post(CONTROL + "/clock/advance", "{\"by\":\"-PT1H\"}").statusCode()).isEqualTo(400);
    assertThat(post(CONTROL + "/clock/advance", "{\"by\":\"soon\"}").body()).contains("[by]");
    assertThat(ok(server.get(CONTROL)).get("clockOffsetMs").asLong()).isGreaterThanOrEqualTo(Duration.ofHours(49).toMillis());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"P9000Y", "P3000000D", "P1000000000Y"})
  void theClockNeverPassesTheLastTimeStored(String by) {
    HttpResponse<String> r = post(CONTROL + "/clock/advance", "{\"by\":\"" + by + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("[by]", "9999-12-31T23:59:59.999Z");
    assertThat(ok(server.get(CONTROL)).get("clockOffsetMs").asLong()).isZero();
  }

  @Test
  void aPeriodTooLargeToReadIsRefusedByName() {
    HttpResponse<String> r = post(CONTROL + "/clock/advance", "{\"by\":\"PT9223372036854775807S\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("[by]").doesNotContain("java.");
  }

  @Test
  void theClockMovesByCalendarPeriods() {
    ok(post(CONTROL + "/clock/advance", "{\"by\":\"P1Y2M\"}"));
    assertThat(ok(server.get(CONTROL)).get("clockOffsetMs").asLong())
        .isBetween(Duration.ofDays(365 + 59).toMillis(), Duration.ofDays(366 + 62).toMillis());
  }

  @Test
  void resetEmptiesTheServerQuicklyAndSubmittedListsWhatCameIn() {
    server.submit(kafka("first", "{\"runTimeMs\":600000,\"lockIntervals\":[\"2024-01-01/2024-01-02\"]}"));
    server.submit("{\"type\":\"noop\",\"id\":\"second\",\"runTime\":600000}");
    server.awaitRunner("first", "RUNNING");
    JsonNode submitted = ok(server.get(CONTROL + "/submitted?type=index_kafka"));
    assertThat(submitted).hasSize(1);
    assertThat(submitted.get(0).get("payload").get("id").asText()).isEqualTo("first");
    JsonNode locked = ok(post(API + "/lockedIntervals/v2", "[{\"datasource\":\"social_media\"}]"));
    assertThat(locked.toString()).contains("2024-01-01");
    JsonNode done = ok(server.post(CONTROL + "/reset", null, null));
    assertThat(done.get("tookMs").asLong()).isLessThan(10_000);
    assertThat(ok(server.get(API + "/tasks"))).isEmpty();
    assertThat(ok(server.get(CONTROL + "/submitted"))).isEmpty();
    // the same id may be used again
    assertThat(server.submit(kafka("first", "{}"))).isEqualTo("first");
    System.out.println("control reset with two running tasks: " + done.get("tookMs") + " ms");
  }

  @Test
  void aShutdownEndsASimulatedTaskAsDruidDoes() {
    String id = server.submit(kafka("stopped", "{\"runTimeMs\":600000}"));
    server.awaitRunner(id, "RUNNING");
    ok(server.post(API + "/task/" + id + "/shutdown", null, null));
    JsonNode s = server.awaitComplete(id);
    assertThat(s.get("errorMsg").asText()).isEqualTo("Shutdown request from user");
  }

  @Test
  void everyControlAnswerIsInTheSpec() throws java.io.IOException {
    com.atlassian.oai.validator.OpenApiInteractionValidator validator;
    try (java.io.InputStream in = ControlApiTest.class.getResourceAsStream("/tasks-api.yaml")) {
      validator = com.atlassian.oai.validator.OpenApiInteractionValidator.createForInlineApiSpecification(
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).build();
    }
    String id = server.submit(kafka("spec-checked", "{\"runTimeMs\":600000}"));
    server.awaitRunner(id, "RUNNING");
    java.util.List<HttpResponse<String>> answers = java.util.List.of(
        server.get(CONTROL),
        post(CONTROL + "/rules", "{\"type\":\"index_kafka\",\"simulate\":{\"outcome\":\"FAILED\","
            + "\"lockIntervals\":[\"2024-01-01/2024-01-02\"]}}"),
        post(CONTROL + "/rules", "{\"simulate\":7}"),
        server.get(CONTROL + "/rules"),
        server.post(CONTROL + "/scheduling/pause", null, null),
        server.post(CONTROL + "/scheduling/resume", null, null),
        server.post(CONTROL + "/worker/pause", null, null),
        server.post(CONTROL + "/worker/resume", null, null),
        post(CONTROL + "/clock/advance", "{\"by\":\"PT1S\"}"),
        post(CONTROL + "/clock/advance", "{}"),
        server.get(CONTROL + "/submitted"),
        server.get(CONTROL + "/submitted?max=x"),
        post(CONTROL + "/tasks/" + id + "/outcome", "{\"status\":\"SUCCESS\"}"),
        post(CONTROL + "/tasks/" + id + "/outcome", "{\"status\":\"SUCCESS\"}"),
        post(CONTROL + "/tasks/unknown/outcome", "{\"status\":\"FAILED\"}"),
        server.delete(CONTROL + "/rules"),
        server.post(CONTROL + "/reset", null, null));
    java.util.List<String> problems = new java.util.ArrayList<>();
    for (HttpResponse<String> r : answers) {
      var b = com.atlassian.oai.validator.model.SimpleResponse.Builder.status(r.statusCode()).withBody(r.body());
      r.headers().firstValue("Content-Type").ifPresent(b::withContentType);
      var report = validator.validateResponse(r.request().uri().getRawPath(),
          com.atlassian.oai.validator.model.Request.Method.valueOf(r.request().method()), b.build());
      if (report.hasErrors()) {
        problems.add(r.request().method() + " " + r.request().uri() + " -> " + r.statusCode() + ": "
            + report.getMessages());
      }
    }
    assertThat(problems).isEmpty();
  }

  private static void awaitLog(String id, String line) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!server.get(API + "/task/" + id + "/log").body().contains(line)) {
      assertThat(System.nanoTime()).as("log of " + id).isLessThan(deadline);
      sleep(20);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
