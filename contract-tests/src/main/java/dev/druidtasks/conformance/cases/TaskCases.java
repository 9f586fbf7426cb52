package dev.druidtasks.conformance.cases;

import static dev.druidtasks.conformance.cases.ConformanceCase.define;

import com.fasterxml.jackson.databind.JsonNode;
import dev.druidtasks.conformance.Capability;
import dev.druidtasks.conformance.Endpoint;
import dev.druidtasks.conformance.check.Expect;
import dev.druidtasks.conformance.http.ApiRequest;
import dev.druidtasks.conformance.http.Exchange;
import dev.druidtasks.conformance.state.SuiteState;
import dev.druidtasks.conformance.state.TaskDriver;
import dev.druidtasks.conformance.state.TaskView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** One task: payload, status, its life from submission to the end, shutdown, log and reports. */
final class TaskCases {
  private static final List<String> STATUS_KEYS = List.of("id", "groupId", "type", "createdTime",
      "queueInsertionTime", "statusCode", "status", "runnerStatusCode", "duration", "location", "dataSource",
      "errorMsg");

  private TaskCases() {}

  /** The runner states a wait saw, repeats collapsed: {@code WAITING PENDING RUNNING SUCCESS/NONE}. */
  private static String runnerCodes(List<TaskView> seen) {
    List<String> codes = new ArrayList<>();
    for (TaskView v : seen) {
      String code = v.complete() ? v.statusCode() + "/" + v.runnerStatusCode() : v.runnerStatusCode();
      if (codes.isEmpty() || !codes.get(codes.size() - 1).equals(code)) {
        codes.add(code);
      }
    }
    return String.join(" ", codes);
  }

  static List<ConformanceCase> cases() {
    List<ConformanceCase> out = new ArrayList<>();
    out.add(define("payload.noop", Endpoint.GET_TASK_PAYLOAD,
        "the payload is the task with its defaults: groupId, resource, context locks")
        .source("BEHAVIOR.md One task; Submitting: defaults").run(c -> {
          SuiteState.CompletedSet d = c.state().completed(c.tasks());
          String id = d.ids().get(0);
          Exchange ex = c.send(ApiRequest.get(TaskDriver.taskPath(id, "")));
          Expect.status(ex, 200);
          JsonNode body = Expect.jsonObject(ex);
          Expect.equal(id, body.path("task").asText(null), "task", ex);
          JsonNode p = body.path("payload");
          Expect.equal("noop", p.path("type").asText(null), "payload.type", ex);
          Expect.equal(id, p.path("id").asText(null), "payload.id", ex);
          Expect.equal(id, p.path("groupId").asText(null), "payload.groupId (defaults to the id)", ex);
          Expect.equal(d.dataSource(), p.path("dataSource").asText(null), "payload.dataSource", ex);
          Expect.equal(id, p.path("resource").path("availabilityGroup").asText(null),
              "payload.resource.availabilityGroup", ex);
          Expect.equal(1, p.path("resource").path("requiredCapacity").asInt(-1), "payload.resource.requiredCapacity", ex);
          Expect.that(p.path("context").path("forceTimeChunkLock").asBoolean(false),
              "payload.context.forceTimeChunkLock is not true", ex);
          Expect.that(p.path("context").path("useLineageBasedSegmentAllocation").asBoolean(false),
              "payload.context.useLineageBasedSegmentAllocation is not true", ex);
        }));
    out.add(define("status.complete", Endpoint.GET_TASK_STATUS,
        "a complete task's status: every TaskStatusPlus key, SUCCESS twice, a duration, ISO times")
        .source("BEHAVIOR.md TaskStatusPlus; Common: timestamps").run(c -> {
          SuiteState.CompletedSet d = c.state().completed(c.tasks());
          String id = d.ids().get(0);
          Exchange ex = c.send(ApiRequest.get(TaskDriver.taskPath(id, "/status")));
          Expect.status(ex, 200);
          JsonNode body = Expect.jsonObject(ex);
          Expect.equal(id, body.path("task").asText(null), "task", ex);
          JsonNode s = body.path("status");
          for (String key : STATUS_KEYS) {
            Expect.that(s.has(key), "status lacks '" + key + "'", ex);
          }
          Expect.equal(id, s.path("id").asText(null), "status.id", ex);
          Expect.equal(id, s.path("groupId").asText(null), "status.groupId", ex);
          Expect.equal("noop", s.path("type").asText(null), "status.type", ex);
          Expect.equal(d.dataSource(), s.path("dataSource").asText(null), "status.dataSource", ex);
          Expect.equal("SUCCESS", s.path("statusCode").asText(null), "status.statusCode", ex);
          Expect.equal("SUCCESS", s.path("status").asText(null), "status.status", ex);
          Expect.that(s.path("duration").asLong(-1) >= 0, "duration of a complete task is negative", ex);
          Expect.that(s.path("errorMsg").isNull(), "errorMsg of a successful task is not null", ex);
          for (String key : List.of("createdTime", "queueInsertionTime")) {
            Expect.that(s.path(key).asText("").matches(Texts.ISO_MILLIS_UTC),
                key + " is not ISO-8601 UTC with milliseconds: " + s.path(key), ex);
          }
          JsonNode loc = s.path("location");
          Expect.that(loc.isObject() && loc.has("host") && loc.path("port").isInt() && loc.path("tlsPort").isInt(),
              "location is not {host, port, tlsPort}: " + loc, ex);
        }));
    out.add(define("status.complete.runner-none", Endpoint.GET_TASK_STATUS,
        "a complete task's status has runnerStatusCode NONE")
        .source("doc: list samples show NONE for complete tasks (Druid 33's status says WAITING)").docOnly().run(c -> {
          String id = c.state().completed(c.tasks()).ids().get(0);
          TaskView v = c.tasks().status(id);
          Expect.equal("NONE", v.runnerStatusCode(), "runnerStatusCode", c.lastExchange());
        }));
    out.add(define("lifecycle.noop", Endpoint.GET_TASK_STATUS,
        "a noop goes RUNNING (WAITING/PENDING/RUNNING, duration -1) then SUCCESS (NONE, duration ≥ 0)")
        .source("BEHAVIOR.md TaskStatusPlus; DESIGN.md §3").run(c -> {
          TaskDriver t = c.tasks();
          String id = t.submitNoop(c.ids().task("life"), c.ids().dataSource("life"), 2000);
          List<TaskView> seen = new ArrayList<>();
          TaskView last = t.await(id, TaskView::complete, "complete", seen);
          // Druid's runner may forget a finished task a moment before its queue records the end: NONE
          // while still active, but only after RUNNING.
          List<String> order = List.of("WAITING", "PENDING", "RUNNING", "NONE");
          int rank = 0;
          boolean sawRunning = false;
          for (TaskView v : seen) {
            if (v.complete()) {
              continue;
            }
            Expect.equal("RUNNING", v.statusCode(), "statusCode while active", c.lastExchange());
            Expect.equal(v.statusCode(), v.raw().path("status").asText(null), "status (twin of statusCode)", null);
            Expect.that(order.contains(v.runnerStatusCode()) && (sawRunning || !"NONE".equals(v.runnerStatusCode())),
                "runnerStatusCode " + v.runnerStatusCode() + " while active; seen: " + runnerCodes(seen), null);
            Expect.that(order.indexOf(v.runnerStatusCode()) >= rank, "runnerStatusCode went back to "
                + v.runnerStatusCode() + "; seen: " + runnerCodes(seen), null);
            rank = order.indexOf(v.runnerStatusCode());
            sawRunning |= v.runnerStatusCode().equals("RUNNING");
            Expect.equal(-1L, v.duration(), "duration while active", null);
          }
          Expect.that(sawRunning, "never saw the 2 s noop RUNNING; seen: " + seen, null);
          Expect.equal("SUCCESS", last.statusCode(), "final statusCode", c.lastExchange());
          Expect.that(last.duration() >= 0, "final duration " + last.duration(), c.lastExchange());
          Expect.equal("NONE", c.tasks().list("/tasks", java.util.Map.of("state", "complete", "datasource",
              last.dataSource())).get(0).path("runnerStatusCode").asText(null), "runnerStatusCode once complete",
              c.lastExchange());
        }));
    out.add(define("shutdown.running", Endpoint.SHUTDOWN_TASK,
        "shutdown of a running task (body {}) answers {task}; it ends FAILED 'Shutdown request from user'")
        .source("BEHAVIOR.md Stopping; web console sends {}").run(c -> {
          TaskDriver t = c.tasks();
          String id = t.submitNoop(c.ids().task("stop"), c.ids().dataSource("stop"), c.state().longRunMs());
          t.awaitRunner(id, "RUNNING");
          Exchange ex = c.send(ApiRequest.postJson(TaskDriver.taskPath(id, "/shutdown"), "{}"));
          Expect.status(ex, 200);
          Expect.equal(id, Expect.jsonObject(ex).path("task").asText(null), "task", ex);
          expectShutDown(c, id);
        }));
    out.add(define("shutdown.empty-body", Endpoint.SHUTDOWN_TASK, "shutdown with no body and no content type works")
        .source("BEHAVIOR.md Stopping: empty body (Airflow, pydruid)").run(c -> {
          TaskDriver t = c.tasks();
          String id = t.submitNoop(c.ids().task("stop"), c.ids().dataSource("stop"), c.state().longRunMs());
          Exchange ex = c.send(ApiRequest.post(TaskDriver.taskPath(id, "/shutdown")));
          Expect.status(ex, 200);
          expectShutDown(c, id);
        }));
    out.add(define("shutdown.complete", Endpoint.SHUTDOWN_TASK, "shutdown of a complete task answers 404")
        .source("doc: Shut down a task, 404 'task is no longer running' (Druid 33: 200)").docOnly().run(c -> {
          String id = c.state().completed(c.tasks()).ids().get(0);
          Exchange ex = c.send(ApiRequest.post(TaskDriver.taskPath(id, "/shutdown")));
          Expect.status(ex, 404);
          Expect.equal("SUCCESS", c.tasks().status(id).statusCode(), "statusCode after the refused shutdown", ex);
        }));
    out.add(define("shutdown.complete.druid", Endpoint.SHUTDOWN_TASK, "shutdown of a complete task answers 200 {task}")
        .source("BEHAVIOR.md divergences: Druid 33 answers 200").druidOnly().run(c -> {
          String id = c.state().completed(c.tasks()).ids().get(0);
          Exchange ex = c.send(ApiRequest.post(TaskDriver.taskPath(id, "/shutdown")));
          Expect.status(ex, 200);
          Expect.equal("SUCCESS", c.tasks().status(id).statusCode(), "statusCode after shutdown", ex);
        }));
    out.add(define("shutdown-all.none-active", Endpoint.SHUTDOWN_ALL_TASKS,
        "shutdownAllTasks of a datasource with no active task answers 404")
        .source("BEHAVIOR.md Stopping: shutdownAllTasks").run(c -> {
          String ds = c.ids().dataSource("idle");
          Exchange ex = c.send(ApiRequest.post(TaskDriver.BASE + "/datasources/" + ds + "/shutdownAllTasks"));
          Expect.status(ex, 404);
        }));
    out.add(define("log.complete", Endpoint.GET_TASK_LOG, "a finished task's log is 200 text/plain, not empty")
        .source("doc: Get task log; BEHAVIOR.md One task: log").needs(Capability.LOGS).run(c -> {
          Exchange ex = log(c, null);
          Expect.status(ex, 200);
          Expect.mediaType(ex, "text/plain");
          Expect.that(ex.response().body().length > 0, "empty log", ex);
        }));
    out.add(define("log.offset.positive", Endpoint.GET_TASK_LOG, "offset=N skips the first N bytes")
        .source("BEHAVIOR.md One task: log offset").needs(Capability.LOGS).run(c -> {
          byte[] full = fullLog(c);
          int n = Math.min(5, full.length);
          Exchange ex = log(c, Integer.toString(n));
          Expect.status(ex, 200);
          Expect.that(Arrays.equals(Arrays.copyOfRange(full, n, full.length), ex.response().body()),
              "offset=" + n + " did not answer the log without its first " + n + " bytes", ex);
        }));
    out.add(define("log.offset.negative", Endpoint.GET_TASK_LOG, "offset=-N reads the last N bytes")
        .source("BEHAVIOR.md One task: log offset").needs(Capability.LOGS).run(c -> {
          byte[] full = fullLog(c);
          int n = Math.min(7, full.length);
          Exchange ex = log(c, Integer.toString(-n));
          Expect.status(ex, 200);
          Expect.that(Arrays.equals(Arrays.copyOfRange(full, full.length - n, full.length), ex.response().body()),
              "offset=-" + n + " did not answer the last " + n + " bytes", ex);
        }));
    out.add(define("log.offset.past-end", Endpoint.GET_TASK_LOG, "an offset past the end answers 200 and nothing")
        .source("BEHAVIOR.md One task: log offset").needs(Capability.LOGS).run(c -> {
          byte[] full = fullLog(c);
          Exchange ex = log(c, Integer.toString(full.length + 100));
          Expect.status(ex, 200);
          Expect.equal(0, ex.response().body().length, "bytes answered", ex);
        }));
    out.add(define("log.offset.negative-beyond", Endpoint.GET_TASK_LOG, "offset=-N with N beyond the size reads it all")
        .source("BEHAVIOR.md One task: log offset").needs(Capability.LOGS).run(c -> {
          byte[] full = fullLog(c);
          Exchange ex = log(c, Integer.toString(-(full.length + 100)));
          Expect.status(ex, 200);
          Expect.that(Arrays.equals(full, ex.response().body()), "did not answer the whole log", ex);
        }));
    out.add(define("log.offset.invalid", Endpoint.GET_TASK_LOG, "offset=abc is refused (400; Druid 404)")
        .source("BEHAVIOR.md Common: query value of the wrong type").needs(Capability.LOGS).run(c -> {
          Exchange ex = log(c, "abc");
          Expect.status(ex, 400, 404);
        }));
    out.add(define("reports.noop", Endpoint.GET_TASK_REPORTS, "a finished noop has no report: 404 with Druid's text")
        .source("BEHAVIOR.md One task: reports").needs(Capability.REPORTS).run(c -> {
          String id = c.state().completed(c.tasks()).ids().get(0);
          // Druid sends this text under application/json; the text itself is the contract.
          Exchange ex = c.sendOutsideSpec(ApiRequest.get(TaskDriver.taskPath(id, "/reports")));
          Expect.status(ex, 404);
          Expect.plainMessage(ex, Texts.NO_REPORTS);
        }));
    out.add(define("segments.noop", Endpoint.GET_TASK_SEGMENTS, "a noop published no segment: 200 []")
        .source("doc: Get task segments (Druid 33: 404)").docOnly().needs(Capability.SEGMENTS).run(c -> {
          String id = c.state().completed(c.tasks()).ids().get(0);
          Exchange ex = c.send(ApiRequest.get(TaskDriver.taskPath(id, "/segments")));
          Expect.status(ex, 200);
          Expect.equal(0, Expect.jsonArray(ex).size(), "segments", ex);
        }));
    return out;
  }

  static void expectShutDown(CaseContext c, String id) {
    TaskView v = c.tasks().awaitComplete(id);
    Expect.equal("FAILED", v.statusCode(), "statusCode after shutdown", c.lastExchange());
    Expect.equal(Texts.SHUTDOWN_ERROR_MSG, v.errorMsg(), "errorMsg after shutdown", c.lastExchange());
    Expect.equal("NONE", runnerInList(c, v), "runnerStatusCode after shutdown (in lists)", c.lastExchange());
  }

  private static String runnerInList(CaseContext c, TaskView v) {
    for (JsonNode t : c.tasks().list("/tasks", java.util.Map.of("state", "complete", "datasource", v.dataSource()))) {
      if (t.path("id").asText().equals(v.id())) {
        return t.path("runnerStatusCode").asText(null);
      }
    }
    return "(not listed as complete)";
  }

  private static Exchange log(CaseContext c, String offset) {
    String id = c.state().completed(c.tasks()).ids().get(0);
    ApiRequest r = ApiRequest.get(TaskDriver.taskPath(id, "/log"));
    return c.send(offset == null ? r : r.withQuery("offset", offset));
  }

  private static byte[] fullLog(CaseContext c) {
    Exchange ex = log(c, null);
    Expect.status(ex, 200);
    Expect.that(ex.response().body().length > 0, "empty log", ex);
    return ex.response().body();
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  static Set<String> setOf(List<String> l) {
    return Set.copyOf(l);
  }
}
