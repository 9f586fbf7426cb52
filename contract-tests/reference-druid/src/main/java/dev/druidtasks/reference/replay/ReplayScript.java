package dev.druidtasks.reference.replay;

import static dev.druidtasks.reference.replay.Comparison.FULL;
import static dev.druidtasks.reference.replay.Comparison.SHAPE;
import static dev.druidtasks.reference.replay.Comparison.STATUS;

import dev.druidtasks.conformance.http.ApiRequest;
import dev.druidtasks.conformance.state.TaskDriver;
import dev.druidtasks.fixtures.PathSegments;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The request sequence both targets get: every endpoint with normal, edge and bad inputs, every
 * list filter, tasks in every state; shutdowns last, since they change the states the rest reads.
 */
public final class ReplayScript {
  private static final String B = TaskDriver.BASE;
  private static final String ALL_TIME = "2000-01-01T00:00:00.000Z/2100-01-01T00:00:00.000Z";

  private final List<ReplayStep> steps = new ArrayList<>();

  private ReplayScript() {}

  public static List<ReplayStep> steps() {
    ReplayScript s = new ReplayScript();
    s.service();
    s.submit();
    s.oneTask();
    s.lists();
    s.bulkStatus();
    s.pendingSegments();
    s.shutdowns();
    Set<String> ids = new HashSet<>();
    for (ReplayStep step : s.steps) {
      if (step instanceof ReplayStep.Send send && !ids.add(send.id())) {
        throw new IllegalStateException("duplicate replay step id " + send.id());
      }
    }
    return List.copyOf(s.steps);
  }

  /** The ids of every request step, as the divergence ledger names them. */
  public static Set<String> ids() {
    Set<String> ids = new HashSet<>();
    for (ReplayStep step : steps()) {
      if (step instanceof ReplayStep.Send send) {
        ids.add(send.id());
      }
    }
    return ids;
  }

  private void service() {
    send("health", FULL, s -> ApiRequest.get("/status/health"));
    send("status", STATUS, s -> ApiRequest.get("/status"));
    send("unknown-path", STATUS, s -> ApiRequest.get(B + "/no-such-endpoint"));
    send("wrong-method", STATUS, s -> ApiRequest.delete(B + "/tasks"));
  }

  private void submit() {
    send("submit.explicit-id", FULL, s -> submit(noop(s.get("new.1"), s.get("submit.ds"))));
    steps.add(new ReplayStep.Send("submit.generated-id", FULL,
        s -> submit("{\"type\":\"noop\",\"dataSource\":\"" + s.get("submit.ds") + "\",\"runTime\":100}"), "generated"));
    steps.add(new ReplayStep.Send("submit.generated-id.no-datasource", FULL,
        s -> submit("{\"type\":\"noop\",\"runTime\":100}"), "generated.none"));
    send("submit.duplicate-id", FULL, s -> submit(noop(s.get("complete.0"), s.get("submit.ds"))));
    send("submit.missing-type", FULL, s -> submit("{\"id\":\"" + s.get("new.2") + "\"}"));
    send("submit.unknown-type", FULL, s -> submit("{\"type\":\"bogus_type\",\"id\":\"" + s.get("new.3") + "\"}"));
    send("submit.malformed-json", STATUS, s -> submit("{\"type\": \"noop\", "));
    send("submit.empty-body", STATUS, s -> ApiRequest.post(B + "/task").withHeader("Content-Type", "application/json"));
    send("submit.array-body", STATUS, s -> submit("[]"));
    send("submit.text-content-type", STATUS, s -> ApiRequest.post(B + "/task")
        .withHeader("Content-Type", "text/plain").withBody(noop(s.get("new.4"), s.get("submit.ds"))));
    send("submit.id.slash", FULL, s -> submit(noop("a/b", s.get("submit.ds"))));
    send("submit.id.dot-dot", FULL, s -> submit(noop("../x", s.get("submit.ds"))));
    send("submit.id.empty", FULL, s -> submit(noop("", s.get("submit.ds"))));
    send("submit.id.tab", FULL, s -> submit(noop("conformance-\t-x", s.get("submit.ds"))));
    send("submit.index-parallel.no-spec", STATUS,
        s -> submit("{\"type\":\"index_parallel\",\"id\":\"" + s.get("new.5") + "\"}"));
    // Druid's queue hands new tasks to its runner a moment later: lists must not catch them half-way.
    for (String accepted : List.of("new.1", "generated", "generated.none")) {
      steps.add(new ReplayStep.AwaitQueued(accepted));
    }
  }

  private void oneTask() {
    send("payload.complete-noop", FULL, s -> ApiRequest.get(task(s, "complete.0", "")));
    send("payload.ingestion", SHAPE, s -> ApiRequest.get(task(s, "ingested", "")));
    send("payload.unknown", FULL, s -> ApiRequest.get(task(s, "missing", "")));
    send("status.complete", FULL, s -> ApiRequest.get(task(s, "complete.0", "/status")));
    send("status.ingestion", FULL, s -> ApiRequest.get(task(s, "ingested", "/status")));
    send("status.running", FULL, s -> ApiRequest.get(task(s, "busy.0", "/status")));
    send("status.pending", FULL, s -> ApiRequest.get(task(s, "pending", "/status")));
    send("status.waiting", FULL, s -> ApiRequest.get(task(s, "waiter", "/status")));
    send("status.unknown", FULL, s -> ApiRequest.get(task(s, "missing", "/status")));
    send("reports.ingestion", SHAPE, s -> ApiRequest.get(task(s, "ingested", "/reports")));
    send("reports.complete-noop", FULL, s -> ApiRequest.get(task(s, "complete.0", "/reports")));
    send("reports.pending", FULL, s -> ApiRequest.get(task(s, "pending", "/reports")));
    send("reports.waiting", FULL, s -> ApiRequest.get(task(s, "waiter", "/reports")));
    send("reports.unknown", FULL, s -> ApiRequest.get(task(s, "missing", "/reports")));
    send("log.complete", STATUS, s -> ApiRequest.get(task(s, "complete.0", "/log")));
    send("log.complete.tail", STATUS, s -> ApiRequest.get(task(s, "complete.0", "/log")).withQuery("offset", "-100"));
    send("log.complete.beyond-end", FULL,
        s -> ApiRequest.get(task(s, "complete.0", "/log")).withQuery("offset", "100000000"));
    send("log.complete.offset-abc", STATUS, s -> ApiRequest.get(task(s, "complete.0", "/log")).withQuery("offset", "abc"));
    send("log.running", STATUS, s -> ApiRequest.get(task(s, "busy.0", "/log")));
    send("log.pending", FULL, s -> ApiRequest.get(task(s, "pending", "/log")));
    send("log.waiting", FULL, s -> ApiRequest.get(task(s, "waiter", "/log")));
    send("log.unknown", FULL, s -> ApiRequest.get(task(s, "missing", "/log")));
    send("segments.ingestion", STATUS, s -> ApiRequest.get(task(s, "ingested", "/segments")));
    send("segments.unknown", FULL, s -> ApiRequest.get(task(s, "missing", "/segments")));
  }

  private void lists() {
    list("tasks.complete.ds", "/tasks", s -> Map.of("state", "complete", "datasource", s.get("ds")));
    list("tasks.complete.ds.upper-case-state", "/tasks", s -> Map.of("state", "COMPLETE", "datasource", s.get("ds")));
    list("tasks.ds", "/tasks", s -> Map.of("datasource", s.get("ds")));
    list("tasks.running.ds", "/tasks", s -> Map.of("state", "running", "datasource", s.get("busy.ds")));
    list("tasks.pending.ds", "/tasks", s -> Map.of("state", "pending", "datasource", s.get("busy.ds")));
    list("tasks.waiting.ds", "/tasks", s -> Map.of("state", "waiting", "datasource", s.get("locked.ds")));
    list("tasks.active.ds", "/tasks", s -> Map.of("datasource", s.get("busy.ds")));
    list("tasks.complete.ds.type", "/tasks", s -> Map.of("state", "complete", "datasource", s.get("ds"), "type", "noop"));
    list("tasks.complete.ds.other-type", "/tasks",
        s -> Map.of("state", "complete", "datasource", s.get("ds"), "type", "index_parallel"));
    list("tasks.complete.ds.max-1", "/tasks", s -> Map.of("state", "complete", "datasource", s.get("ds"), "max", "1"));
    list("tasks.complete.ds.max-0", "/tasks", s -> Map.of("state", "complete", "datasource", s.get("ds"), "max", "0"));
    list("tasks.ds.created-all-time", "/tasks",
        s -> Map.of("datasource", s.get("ds"), "createdTimeInterval", "2000-01-01_2100-01-01"));
    list("tasks.unknown-ds", "/tasks", s -> Map.of("datasource", s.get("missing")));
    send("tasks.state.bogus", FULL, s -> ApiRequest.get(B + "/tasks").withQuery("state", "bogus"));
    send("tasks.max.abc", STATUS, s -> ApiRequest.get(B + "/tasks").withQuery(Map.of("state", "complete", "max", "abc")));
    send("tasks.max.negative", STATUS, s -> ApiRequest.get(B + "/tasks").withQuery(Map.of("state", "complete", "max", "-1")));
    send("tasks.created-interval.malformed", STATUS,
        s -> ApiRequest.get(B + "/tasks").withQuery("createdTimeInterval", "yesterday"));
    list("complete-tasks.n-1", "/completeTasks", s -> Map.of("n", "1"));
    list("complete-tasks.ds.type", "/completeTasks", s -> Map.of("datasource", s.get("ds"), "type", "noop"));
    list("running-tasks", "/runningTasks", s -> Map.of());
    list("running-tasks.type", "/runningTasks", s -> Map.of("type", "noop"));
    list("pending-tasks", "/pendingTasks", s -> Map.of());
    list("waiting-tasks", "/waitingTasks", s -> Map.of());
  }

  private void bulkStatus() {
    send("task-status.known-and-unknown", FULL,
        s -> statuses("[\"" + s.get("complete.0") + "\",\"" + s.get("complete.1") + "\",\"" + s.get("missing") + "\"]"));
    send("task-status.active", FULL,
        s -> statuses("[\"" + s.get("busy.0") + "\",\"" + s.get("pending") + "\",\"" + s.get("waiter") + "\"]"));
    send("task-status.duplicates", FULL, s -> statuses("[\"" + s.get("complete.0") + "\",\"" + s.get("complete.0") + "\"]"));
    send("task-status.only-unknown", FULL, s -> statuses("[\"" + s.get("missing") + "\"]"));
    send("task-status.empty-list", FULL, s -> statuses("[]"));
    send("task-status.empty-body", FULL,
        s -> ApiRequest.post(B + "/taskStatus").withHeader("Content-Type", "application/json"));
    send("task-status.null-element", STATUS, s -> statuses("[null]"));
    send("task-status.object-body", STATUS, s -> statuses("{\"ids\": []}"));
    send("task-status.malformed-json", STATUS, s -> statuses("[\"a\", "));
    send("task-status.text-content-type", STATUS,
        s -> ApiRequest.post(B + "/taskStatus").withHeader("Content-Type", "text/plain").withBody("[\"x\"]"));
  }

  private void pendingSegments() {
    send("pending-segments.all-time", FULL, s -> pending(s, "ds").withQuery("interval", ALL_TIME));
    send("pending-segments.no-interval", FULL, s -> pending(s, "ds"));
    send("pending-segments.unknown-ds", FULL, s -> pending(s, "missing").withQuery("interval", ALL_TIME));
    send("pending-segments.active-task", FULL, s -> pending(s, "busy.ds").withQuery("interval", ALL_TIME));
    send("pending-segments.malformed-interval", STATUS, s -> pending(s, "ds").withQuery("interval", "not-an-interval"));
  }

  private void shutdowns() {
    send("shutdown.complete", FULL, s -> ApiRequest.post(task(s, "complete.0", "/shutdown")));
    send("shutdown.unknown", FULL, s -> ApiRequest.post(task(s, "missing", "/shutdown")));
    send("shutdown.waiting", FULL, s -> ApiRequest.post(task(s, "waiter", "/shutdown")));
    steps.add(new ReplayStep.AwaitComplete("waiter"));
    send("status.after-shutdown-waiting", FULL, s -> ApiRequest.get(task(s, "waiter", "/status")));
    send("log.after-shutdown-waiting", FULL, s -> ApiRequest.get(task(s, "waiter", "/log")));
    send("shutdown.pending", FULL, s -> ApiRequest.post(task(s, "pending", "/shutdown"))
        .withHeader("Content-Type", "application/json").withBody("{}"));
    steps.add(new ReplayStep.AwaitComplete("pending"));
    send("status.after-shutdown-pending", FULL, s -> ApiRequest.get(task(s, "pending", "/status")));
    send("shutdown.running", FULL, s -> ApiRequest.post(task(s, "busy.0", "/shutdown")));
    steps.add(new ReplayStep.AwaitComplete("busy.0"));
    send("status.after-shutdown-running", FULL, s -> ApiRequest.get(task(s, "busy.0", "/status")));
    send("shutdown-all.no-active", FULL, s -> ApiRequest.post(B + "/datasources/" + s.get("ds") + "/shutdownAllTasks"));
    send("shutdown-all.active", FULL,
        s -> ApiRequest.post(B + "/datasources/" + s.get("busy.ds") + "/shutdownAllTasks"));
  }

  private void send(String id, Comparison comparison, Function<Symbols, ApiRequest> request) {
    steps.add(new ReplayStep.Send(id, comparison, request, null));
  }

  private void list(String id, String path, Function<Symbols, Map<String, String>> query) {
    send(id, FULL, s -> ApiRequest.get(B + path).withQuery(query.apply(s)));
  }

  private static String task(Symbols s, String symbol, String suffix) {
    return B + "/task/" + PathSegments.encode(s.get(symbol)) + suffix;
  }

  private static ApiRequest submit(String json) {
    return ApiRequest.postJson(B + "/task", json);
  }

  private static ApiRequest statuses(String json) {
    return ApiRequest.postJson(B + "/taskStatus", json);
  }

  private static ApiRequest pending(Symbols s, String dsSymbol) {
    return ApiRequest.delete(B + "/pendingSegments/" + PathSegments.encode(s.get(dsSymbol)));
  }

  private static String noop(String id, String dataSource) {
    return "{\"type\":\"noop\",\"id\":" + quote(id) + ",\"dataSource\":\"" + dataSource + "\",\"runTime\":100}";
  }

  private static String quote(String s) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
  }
}
