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
import dev.druidtasks.fixtures.RowGenerator;
import dev.druidtasks.fixtures.TaskSpecs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cases on a busy target: every worker slot taken by the suite's long noops, one noop pending,
 * and (with ingestion and locks) an ingestion waiting for another's lock.
 */
final class SaturatedCases {
  private SaturatedCases() {}

  private static void allHave(List<JsonNode> tasks, String runner, Exchange ex) {
    for (JsonNode t : tasks) {
      Expect.equal("RUNNING", t.path("statusCode").asText(null), "statusCode of " + t.path("id").asText(), ex);
      Expect.equal(runner, t.path("runnerStatusCode").asText(null), "runnerStatusCode of " + t.path("id").asText(), ex);
      Expect.equal(-1L, t.path("duration").asLong(0), "duration of active " + t.path("id").asText(), ex);
    }
  }

  static List<ConformanceCase> cases() {
    List<ConformanceCase> out = new ArrayList<>();
    out.add(define("tasks.filter.state-running", Endpoint.GET_TASKS,
        "state=running lists running tasks only: RUNNING/RUNNING, duration -1")
        .source("doc: Get an array of tasks, state; BEHAVIOR.md TaskStatusPlus").run(c -> {
          SuiteState.Saturation s = c.state().saturation(c.tasks());
          List<JsonNode> got = c.tasks().list("/tasks", Map.of("state", "running", "datasource", s.dataSource()));
          Expect.that(CaseContext.ids(got).containsAll(s.running()), "missing running tasks " + s.running(),
              c.lastExchange());
          Expect.that(!CaseContext.ids(got).contains(s.pending()), "lists the pending task", c.lastExchange());
          allHave(got, "RUNNING", c.lastExchange());
        }));
    out.add(define("tasks.filter.state-pending", Endpoint.GET_TASKS,
        "state=pending lists pending tasks only: RUNNING/PENDING, unassigned location")
        .source("doc: Get an array of tasks, state; BEHAVIOR.md TaskStatusPlus: location").run(c -> {
          SuiteState.Saturation s = c.state().saturation(c.tasks());
          List<JsonNode> got = c.tasks().list("/tasks", Map.of("state", "pending", "datasource", s.dataSource()));
          Expect.equal(List.of(s.pending()), CaseContext.ids(got), "pending tasks", c.lastExchange());
          allHave(got, "PENDING", c.lastExchange());
          JsonNode loc = got.get(0).path("location");
          Expect.that(loc.path("host").isNull() && loc.path("port").asInt() == -1 && loc.path("tlsPort").asInt() == -1,
              "a pending task's location is not {host: null, port: -1, tlsPort: -1}: " + loc, c.lastExchange());
        }));
    out.add(define("tasks.no-state.complete-then-active", Endpoint.GET_TASKS,
        "without state, complete tasks come first, then active ones")
        .source("BEHAVIOR.md Listing: no state").run(c -> {
          SuiteState.Saturation s = c.state().saturation(c.tasks());
          TaskDriver t = c.tasks();
          String done = t.submitNoop(c.ids().task("mixed"), s.dataSource(), 0);
          t.shutdown(done);
          t.awaitComplete(done);
          List<JsonNode> got = t.list("/tasks", Map.of("datasource", s.dataSource()));
          boolean activeSeen = false;
          for (JsonNode task : got) {
            boolean active = task.path("statusCode").asText().equals("RUNNING");
            Expect.that(active || !activeSeen, "complete task " + task.path("id").asText() + " after an active one",
                c.lastExchange());
            activeSeen |= active;
          }
          Expect.that(CaseContext.ids(got).contains(done) && CaseContext.ids(got).contains(s.pending()),
              "the list lacks the complete or the pending task", c.lastExchange());
        }));
    out.add(define("running-tasks.filter.type", Endpoint.GET_RUNNING_TASKS, "/runningTasks?type= keeps that type only")
        .source("doc: Get an array of running tasks, type").run(c -> {
          SuiteState.Saturation s = c.state().saturation(c.tasks());
          List<JsonNode> noop = c.tasks().list("/runningTasks", Map.of("type", "noop"));
          Expect.that(CaseContext.ids(noop).containsAll(s.running()), "type=noop misses running noops",
              c.lastExchange());
          List<JsonNode> other = c.tasks().list("/runningTasks", Map.of("type", "index_parallel"));
          for (String id : s.running()) {
            Expect.that(!CaseContext.ids(other).contains(id), "type=index_parallel lists noop " + id, c.lastExchange());
          }
        }));
    out.add(define("running-tasks.filter.datasource", Endpoint.GET_RUNNING_TASKS, "/runningTasks?datasource= filters")
        .source("doc: Get an array of running tasks, datasource (Druid ignores it)").docOnly().run(c -> {
          SuiteState.Saturation s = c.state().saturation(c.tasks());
          List<JsonNode> got = c.tasks().list("/runningTasks", Map.of("datasource", s.dataSource()));
          Expect.equal(java.util.Set.copyOf(s.running()), java.util.Set.copyOf(CaseContext.ids(got)), "tasks listed",
              c.lastExchange());
        }));
    out.add(define("pending-tasks.filter.datasource", Endpoint.GET_PENDING_TASKS, "/pendingTasks?datasource= filters")
        .source("doc: Get an array of pending tasks, datasource (Druid ignores it)").docOnly().run(c -> {
          SuiteState.Saturation s = c.state().saturation(c.tasks());
          List<JsonNode> got = c.tasks().list("/pendingTasks", Map.of("datasource", s.dataSource()));
          Expect.equal(List.of(s.pending()), CaseContext.ids(got), "tasks listed", c.lastExchange());
        }));
    out.add(define("tasks.created-interval.active", Endpoint.GET_TASKS,
        "createdTimeInterval filters active tasks too")
        .source("doc: createdTimeInterval (Druid 33 applies it to complete tasks only)").docOnly().run(c -> {
          SuiteState.Saturation s = c.state().saturation(c.tasks());
          List<JsonNode> got = c.tasks().list("/tasks", Map.of("state", "running", "datasource", s.dataSource(),
              "createdTimeInterval", "2015-09-12_2015-09-13"));
          Expect.equal(List.of(), CaseContext.ids(got), "tasks listed", c.lastExchange());
        }));
    out.add(define("status.running", Endpoint.GET_TASK_STATUS,
        "a running task's status: RUNNING/RUNNING, duration -1, a location with a host")
        .source("BEHAVIOR.md TaskStatusPlus").run(c -> {
          SuiteState.Saturation s = c.state().saturation(c.tasks());
          TaskView v = c.tasks().status(s.running().get(0));
          Expect.equal("RUNNING", v.statusCode(), "statusCode", c.lastExchange());
          Expect.equal("RUNNING", v.runnerStatusCode(), "runnerStatusCode", c.lastExchange());
          Expect.equal(-1L, v.duration(), "duration", c.lastExchange());
          Expect.that(v.raw().path("location").path("host").isTextual(), "a running task's location has no host",
              c.lastExchange());
        }));
    out.add(define("log.running", Endpoint.GET_TASK_LOG, "a running task's log is served live: 200 text/plain")
        .source("BEHAVIOR.md One task: log (live while the task runs)").needs(Capability.LOGS).run(c -> {
          SuiteState.Saturation s = c.state().saturation(c.tasks());
          Exchange ex = c.send(ApiRequest.get(TaskDriver.taskPath(s.running().get(0), "/log")));
          Expect.status(ex, 200);
          Expect.mediaType(ex, "text/plain");
        }));
    out.add(define("log.not-started", Endpoint.GET_TASK_LOG, "a pending task has no log yet: 404 with Druid's text")
        .source("BEHAVIOR.md One task: log").needs(Capability.LOGS).run(c -> {
          SuiteState.Saturation s = c.state().saturation(c.tasks());
          Exchange ex = c.send(ApiRequest.get(TaskDriver.taskPath(s.pending(), "/log")));
          Expect.status(ex, 404);
          Expect.text(ex, Texts.NO_LOG);
        }));
    out.add(define("reports.pending", Endpoint.GET_TASK_REPORTS, "a pending task has no report: 404 with Druid's text")
        .source("BEHAVIOR.md One task: reports").needs(Capability.REPORTS).run(c -> {
          SuiteState.Saturation s = c.state().saturation(c.tasks());
          // Druid sends this text under application/json; the text itself is the contract.
          Exchange ex = c.sendOutsideSpec(ApiRequest.get(TaskDriver.taskPath(s.pending(), "/reports")));
          Expect.status(ex, 404);
          Expect.plainMessage(ex, Texts.NO_REPORTS);
        }));
    out.add(define("shutdown.pending", Endpoint.SHUTDOWN_TASK,
        "shutdown of a pending task answers 200; it ends FAILED 'Shutdown request from user'")
        .source("BEHAVIOR.md Stopping").run(c -> {
          SuiteState.Saturation s = c.state().saturation(c.tasks());
          TaskDriver t = c.tasks();
          String id = t.submitNoop(c.ids().task("stop-pending"), s.dataSource(), c.state().longRunMs());
          t.awaitRunner(id, "PENDING");
          Exchange ex = t.shutdown(id);
          Expect.status(ex, 200);
          TaskCases.expectShutDown(c, id);
          Exchange log = c.send(ApiRequest.get(TaskDriver.taskPath(id, "/log")));
          Expect.that(log.status() == 404 || log.status() == 200, "log of a task shut down before it ran: "
              + log.status(), log);
        }));
    out.add(define("tasks.filter.state-waiting", Endpoint.GET_TASKS,
        "state=waiting lists the ingestion waiting for a lock: RUNNING/WAITING, duration -1")
        .source("doc: Get an array of tasks, state; BEHAVIOR.md Listing: state meaning")
        .needs(Capability.INGESTION, Capability.LOCKS).run(c -> {
          SuiteState.WaitingPair w = c.state().waiting(c.tasks());
          List<JsonNode> got = c.tasks().list("/tasks", Map.of("state", "waiting", "datasource", w.dataSource()));
          Expect.equal(List.of(w.waiter()), CaseContext.ids(got), "waiting tasks", c.lastExchange());
          allHave(got, "WAITING", c.lastExchange());
        }));
    out.add(define("shutdown.waiting", Endpoint.SHUTDOWN_TASK,
        "shutdown of a waiting task answers 200; it ends FAILED; it never got a log")
        .source("BEHAVIOR.md Stopping; One task: log (shut down while waiting → 404)")
        .needs(Capability.INGESTION, Capability.LOCKS).run(c -> {
          SuiteState.WaitingPair w = c.state().waiting(c.tasks());
          TaskDriver t = c.tasks();
          String id = t.submit(TaskSpecs.indexParallelInline(c.ids().task("wait-stop"), w.dataSource(), w.interval(),
              RowGenerator.forDay(9, Instant.parse("2015-09-12T00:00:00Z")).jsonLines(3)));
          t.awaitRunner(id, "WAITING");
          Expect.status(t.shutdown(id), 200);
          TaskCases.expectShutDown(c, id);
          Exchange log = c.send(ApiRequest.get(TaskDriver.taskPath(id, "/log")));
          Expect.status(log, 404);
          Expect.text(log, Texts.NO_LOG);
        }));
    out.add(define("shutdown-all.active", Endpoint.SHUTDOWN_ALL_TASKS,
        "shutdownAllTasks stops every running, pending and waiting task of the datasource")
        .source("doc: Shut down all tasks for a datasource (Druid 33 always answers 404)").docOnly().run(c -> {
          SuiteState.Saturation s = c.state().saturation(c.tasks());
          List<String> all = new ArrayList<>(s.running());
          all.add(s.pending());
          Exchange ex = c.send(ApiRequest.post(TaskDriver.BASE + "/datasources/" + s.dataSource()
              + "/shutdownAllTasks"));
          Expect.status(ex, 200);
          Expect.equal(s.dataSource(), Expect.jsonObject(ex).path("dataSource").asText(null), "dataSource", ex);
          c.state().released();
          for (String id : all) {
            TaskCases.expectShutDown(c, id);
          }
        }));
    return out;
  }
}
