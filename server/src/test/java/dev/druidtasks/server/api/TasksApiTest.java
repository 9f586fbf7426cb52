package dev.druidtasks.server.api;

import static dev.druidtasks.server.TestServer.API;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.druidtasks.server.TestServer;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint and its status codes, against the real server on a real PostgreSQL. */
class TasksApiTest {
  private static TestServer server;
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void start() {
    server = TestServer.shared();
  }

  private static String noop(String id, String dataSource, long runTime) {
    return "{\"type\":\"noop\",\"id\":\"" + id + "\",\"dataSource\":\"" + dataSource + "\",\"runTime\":" + runTime
        + "}";
  }

  private static List<String> ids(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.get("id").asText()));
    return out;
  }

  @Test
  void submitThenReadPayloadStatusLogAndComplete() {
    String id = "api-" + RUN + "-one";
    HttpResponse<String> submit = server.post(API + "/task", "application/json", noop(id, "ds-" + RUN, 200));
    assertThat(submit.statusCode()).isEqualTo(200);
    assertThat(server.json(submit).get("task").asText()).isEqualTo(id);

    HttpResponse<String> payload = server.get(API + "/task/" + id);
    assertThat(payload.statusCode()).isEqualTo(200);
    JsonNode p = server.json(payload);
    assertThat(p.get("task").asText()).isEqualTo(id);
    assertThat(p.at("/payload/groupId").asText()).isEqualTo(id);
    assertThat(p.at("/payload/resource/availabilityGroup").asText()).isEqualTo(id);
    assertThat(p.at("/payload/resource/requiredCapacity").asInt()).isEqualTo(1);
    assertThat(p.at("/payload/context/forceTimeChunkLock").asBoolean()).isTrue();
    assertThat(p.at("/payload/context/useLineageBasedSegmentAllocation").asBoolean()).isTrue();

    JsonNode done = server.awaitComplete(id);
    assertThat(done.get("statusCode").asText()).isEqualTo("SUCCESS");
    assertThat(done.get("status").asText()).isEqualTo("SUCCESS");
    assertThat(done.get("runnerStatusCode").asText()).isEqualTo("NONE");
    assertThat(done.get("duration").asLong()).isGreaterThanOrEqualTo(200);
    assertThat(done.get("location").get("host").asText()).isEqualTo("localhost");
    assertThat(done.get("location").get("port").asInt()).isEqualTo(server.base().getPort());
    assertThat(done.get("errorMsg").isNull()).isTrue();
    assertThat(done.get("queueInsertionTime").asText()).isEqualTo("1970-01-01T00:00:00.000Z");
    List<String> keys = new ArrayList<>();
    done.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("id", "groupId", "type", "createdTime", "queueInsertionTime", "statusCode",
        "status", "runnerStatusCode", "duration", "location", "dataSource", "errorMsg");

    HttpResponse<String> log = server.get(API + "/task/" + id + "/log");
    assertThat(log.statusCode()).isEqualTo(200);
    assertThat(log.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(log.body()).contains("INFO [task-runner-").contains("Task completed with status");

    String full = log.body();
    byte[] bytes = full.getBytes(StandardCharsets.UTF_8);
    assertThat(server.get(API + "/task/" + id + "/log?offset=10").body())
        .isEqualTo(new String(bytes, 10, bytes.length - 10, StandardCharsets.UTF_8));
    assertThat(server.get(API + "/task/" + id + "/log?offset=-20").body())
        .isEqualTo(new String(bytes, bytes.length - 20, 20, StandardCharsets.UTF_8));
    assertThat(server.get(API + "/task/" + id + "/log?offset=-99999999").body()).isEqualTo(full);
    HttpResponse<String> past = server.get(API + "/task/" + id + "/log?offset=" + (bytes.length + 5));
    assertThat(past.statusCode()).isEqualTo(200);
    assertThat(past.body()).isEmpty();
    assertThat(server.get(API + "/task/" + id + "/log?offset=abc").statusCode()).isEqualTo(400);

    HttpResponse<String> reports = server.get(API + "/task/" + id + "/reports");
    assertThat(reports.statusCode()).isEqualTo(404);
    assertThat(reports.body()).startsWith("No task reports were found for this task.");

    HttpResponse<String> segments = server.get(API + "/task/" + id + "/segments");
    assertThat(segments.statusCode()).isEqualTo(200);
    assertThat(server.json(segments).isArray()).isTrue();
    assertThat(server.json(segments)).isEmpty();
  }

  @Test
  void unknownTaskIsPlainText404OnEveryTaskPath() {
    String id = "missing-" + RUN;
    for (String suffix : List.of("", "/status", "/segments", "/log", "/reports")) {
      HttpResponse<String> r = server.get(API + "/task/" + id + suffix);
      assertThat(r.statusCode()).as(suffix).isEqualTo(404);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).as(suffix).startsWith("text/plain");
      assertThat(r.body()).as(suffix).isEqualTo("Cannot find any task with id: [" + id + "]");
    }
    HttpResponse<String> shutdown = server.post(API + "/task/" + id + "/shutdown", null, null);
    assertThat(shutdown.statusCode()).isEqualTo(404);
    assertThat(shutdown.body()).isEqualTo("Cannot find any task with id: [" + id + "]");
  }

  @Test
  void listsFilterByStateDataSourceTypeIntervalAndMax() {
    String ds = "lists-" + RUN;
    List<String> done = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String id = "list-" + RUN + "-" + i;
      server.submit(noop(id, ds, 10));
      server.awaitComplete(id);
      done.add(id);
    }
    String running = "list-" + RUN + "-long";
    server.submit(noop(running, ds, 60_000));
    server.awaitRunner(running, "RUNNING");

    JsonNode complete = server.json(server.get(API + "/tasks?state=complete&datasource=" + ds));
    assertThat(ids(complete)).containsExactly(done.get(2), done.get(1), done.get(0));
    JsonNode completeShortcut = server.json(server.get(API + "/completeTasks?datasource=" + ds));
    assertThat(ids(completeShortcut)).isEqualTo(ids(complete));
    assertThat(ids(server.json(server.get(API + "/tasks?state=COMPLETE&datasource=" + ds + "&max=2"))))
        .containsExactly(done.get(2), done.get(1));
    assertThat(ids(server.json(server.get(API + "/completeTasks?datasource=" + ds + "&n=1"))))
        .containsExactly(done.get(2));
    assertThat(server.json(server.get(API + "/tasks?state=complete&datasource=" + ds + "&max=0"))).isEmpty();
    assertThat(ids(server.json(server.get(API + "/tasks?state=running&datasource=" + ds))))
        .containsExactly(running);
    assertThat(ids(server.json(server.get(API + "/runningTasks?datasource=" + ds)))).containsExactly(running);
    assertThat(server.json(server.get(API + "/waitingTasks?datasource=" + ds))).isEmpty();
    assertThat(server.json(server.get(API + "/pendingTasks?datasource=" + ds))).isEmpty();
    // no state: complete (newest first) then active
    assertThat(ids(server.json(server.get(API + "/tasks?datasource=" + ds))))
        .containsExactly(done.get(2), done.get(1), done.get(0), running);
    assertThat(server.json(server.get(API + "/tasks?datasource=" + ds + "&type=index_parallel"))).isEmpty();
    assertThat(server.json(server.get(API + "/tasks?datasource=" + ds + "&type=noop"))).hasSize(4);
    assertThat(server.json(server.get(API + "/tasks?datasource=" + ds + "&createdTimeInterval=2015-09-12_2015-09-13")))
        .isEmpty();
    assertThat(server.json(server.get(API + "/tasks?datasource=" + ds + "&createdTimeInterval=2020-01-01_P100Y")))
        .hasSize(4);
    assertThat(server.json(server.get(API + "/tasks?datasource=other-" + ds))).isEmpty();

    HttpResponse<String> badState = server.get(API + "/tasks?state=bogus");
    assertThat(badState.statusCode()).isEqualTo(400);
    assertThat(badState.body())
        .isEqualTo("Invalid task state[bogus]. Must be one of [pending, waiting, running, complete].");
    for (String bad : List.of("max=abc", "max=-1", "createdTimeInterval=yesterday", "createdTimeInterval=2015_x")) {
      HttpResponse<String> r = server.get(API + "/tasks?" + bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(server.json(r).get("errorMessage").asText()).as(bad).contains(bad.substring(0, bad.indexOf('=')));
    }
    assertThat(server.post(API + "/task/" + running + "/shutdown", "application/json", "{}").statusCode())
        .isEqualTo(200);
    JsonNode stopped = server.awaitComplete(running);
    assertThat(stopped.get("statusCode").asText()).isEqualTo("FAILED");
    assertThat(stopped.get("errorMsg").asText()).isEqualTo("Shutdown request from user");
    HttpResponse<String> again = server.post(API + "/task/" + running + "/shutdown", null, null);
    assertThat(again.statusCode()).isEqualTo(404);
  }

  @Test
  void submitRejectsBadBodiesWithJson400And415() {
    record Case(String contentType, String body, int status, String says) {}
    String dup = "dup-" + RUN;
    server.submit(noop(dup, "dup", 10));
    List<Case> cases = List.of(
        new Case("application/json", "{bad", 400, "line 1"),
        new Case("application/json", "", 400, "empty"),
        new Case("application/json", "[1,2]", 400, "JSON"),
        new Case("application/json", "\"text\"", 400, "JSON"),
        new Case("application/json", "{}", 400, "missing type id property 'type'"),
        new Case("application/json", "{\"type\":\"bogus\"}", 400, "Could not resolve type id 'bogus'"),
        new Case("application/json", "{\"type\":7}", 400, "type"),
        new Case("application/json", noop(dup, "dup", 10), 400, "already exists"),
        new Case("application/json", "{\"type\":\"noop\",\"id\":\"../x\"}", 400, "cannot start with '.'"),
        new Case("application/json", "{\"type\":\"noop\",\"id\":\"a/b\"}", 400, "cannot contain '/'"),
        new Case("application/json", "{\"type\":\"noop\",\"id\":\"\"}", 400, "empty"),
        new Case("application/json", "{\"type\":\"noop\",\"id\":\"" + "x".repeat(10_000) + "\"}", 400, "255"),
        new Case("application/json", "{\"type\":\"noop\",\"id\":\"a\\u0001b\"}", 400, "illegal"),
        new Case("application/json", "{\"type\":\"noop\",\"id\":\"a\\tb\"}", 400, "whitespace"),
        new Case("application/json", "{\"type\":\"noop\",\"runTime\":\"soon\"}", 400, "runTime"),
        new Case("application/json", "{\"type\":\"noop\",\"deep\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}",
            400, "limit"),
        new Case("text/plain", "{\"type\":\"noop\"}", 415, "application/json"),
        new Case(null, "{\"type\":\"noop\"}", 415, "application/json"));
    for (Case c : cases) {
      HttpResponse<String> r = server.post(API + "/task", c.contentType(), c.body());
      String label = c.body().length() > 60 ? c.body().substring(0, 60) : c.body();
      assertThat(r.statusCode()).as(label).isEqualTo(c.status());
      assertThat(r.headers().firstValue("Content-Type").orElse("")).as(label).startsWith("application/json");
      JsonNode body = server.json(r);
      assertThat(body.get("error").asText()).as(label).isEqualTo("druidException");
      assertThat(body.get("errorMessage").asText()).as(label).contains(c.says());
    }
    HttpResponse<String> huge = server.post(API + "/task", "application/json",
        "{\"type\":\"noop\",\"pad\":\"" + "y".repeat(17 * 1024 * 1024) + "\"}");
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(server.json(huge).get("errorMessage").asText()).contains("exceeds the limit");
    // nothing stored was lost and the server still serves
    assertThat(server.status(dup).get("id").asText()).isEqualTo(dup);
    assertThat(server.get("/status/health").body()).isEqualTo("true");
  }

  @Test
  void hostileIdsInPathsAre404NotErrors() {
    for (String id : List.of("../x", "..", "a b", "a/b", "\u0001", "x".repeat(10_000))) {
      String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
      HttpResponse<String> r = server.get(API + "/task/" + encoded + "/status");
      assertThat(r.statusCode()).as(id.length() > 20 ? "long id" : id).isEqualTo(404);
      assertThat(r.body()).as(id.length() > 20 ? "long id" : id).isEqualTo("Cannot find any task with id: [" + id + "]");
    }
    assertThat(server.get("/status/health").statusCode()).isEqualTo(200);
  }

  @Test
  void bulkStatus() {
    String a = "bulk-" + RUN + "-a";
    server.submit(noop(a, "bulk", 10));
    server.awaitComplete(a);
    HttpResponse<String> r = server.post(API + "/taskStatus", "application/json",
        "[\"" + a + "\",\"" + a + "\",\"unknown-" + RUN + "\"]");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = server.json(r);
    assertThat(body.size()).isEqualTo(1);
    JsonNode s = body.get(a);
    assertThat(s.get("id").asText()).isEqualTo(a);
    assertThat(s.get("status").asText()).isEqualTo("SUCCESS");
    assertThat(s.get("duration").asLong()).isGreaterThanOrEqualTo(0);
    assertThat(s.has("errorMsg")).isTrue();
    assertThat(s.get("location").get("port").asInt()).isEqualTo(server.base().getPort());
    assertThat(server.json(server.post(API + "/taskStatus", "application/json", "[\"nope-" + RUN + "\"]")))
        .isEmpty();
    for (String bad : List.of("[]", "", "{}", "\"id\"", "[null]", "[1,", "[{\"a\":1}]")) {
      HttpResponse<String> e = server.post(API + "/taskStatus", "application/json", bad);
      assertThat(e.statusCode()).as(bad).isEqualTo(400);
      assertThat(server.json(e).get("error").isTextual()).as(bad).isTrue();
    }
    assertThat(server.post(API + "/taskStatus", "application/json", "[]").body()).contains("No Task IDs provided.");
    assertThat(server.post(API + "/taskStatus", "text/plain", "[\"" + a + "\"]").statusCode()).isEqualTo(415);
    assertThat(server.post(API + "/taskStatus", null, "[\"" + a + "\"]").statusCode()).isEqualTo(415);
  }

  @Test
  void shutdownAllTasksOfADataSource() {
    String ds = "all-" + RUN;
    List<String> started = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      started.add(server.submit(noop("all-" + RUN + "-" + i, ds, 60_000)));
    }
    HttpResponse<String> r = server.post(API + "/datasources/" + ds + "/shutdownAllTasks", null, null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(server.json(r).get("dataSource").asText()).isEqualTo(ds);
    for (String id : started) {
      JsonNode s = server.awaitComplete(id);
      assertThat(s.get("statusCode").asText()).isEqualTo("FAILED");
      assertThat(s.get("errorMsg").asText()).isEqualTo("Shutdown request from user");
    }
    HttpResponse<String> none = server.post(API + "/datasources/" + ds + "/shutdownAllTasks", null, null);
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(none.body()).isEmpty();
  }

  @Test
  void pendingSegmentsDeleteAnswersCount() {
    HttpResponse<String> r = server.delete(API + "/pendingSegments/nothing-" + RUN);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(server.json(r).get("numDeleted").asInt()).isZero();
    HttpResponse<String> withInterval = server.delete(API + "/pendingSegments/nothing-" + RUN
        + "?interval=2015-09-12/2015-09-13");
    assertThat(withInterval.statusCode()).isEqualTo(200);
    HttpResponse<String> bad = server.delete(API + "/pendingSegments/nothing-" + RUN + "?interval=soon");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(server.json(bad).get("errorMessage").asText()).contains("interval");
  }

  @Test
  void statusUnknownPathsWrongMethodAndGzip() {
    assertThat(server.get("/status/health").body()).isEqualTo("true");
    assertThat(server.json(server.get("/status")).get("version").isTextual()).isTrue();
    assertThat(server.get(API + "/nothing-here").statusCode()).isEqualTo(404);
    assertThat(server.delete(API + "/tasks").statusCode()).isEqualTo(405);
    String id = server.submit("{\"type\":\"noop\",\"id\":\"gzip-" + RUN + "\",\"runTime\":1,\"pad\":\""
        + "z".repeat(4096) + "\"}");
    HttpResponse<byte[]> gz;
    try {
      gz = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.base().resolve(API + "/task/" + id))
          .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(gz.statusCode()).isEqualTo(200);
    assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gz.body().length).isLessThan(4096);
  }
}
