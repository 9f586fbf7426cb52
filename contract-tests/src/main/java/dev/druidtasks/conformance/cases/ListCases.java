package dev.druidtasks.conformance.cases;

import static dev.druidtasks.conformance.cases.ConformanceCase.define;

import com.fasterxml.jackson.databind.JsonNode;
import dev.druidtasks.conformance.Endpoint;
import dev.druidtasks.conformance.check.Expect;
import dev.druidtasks.conformance.http.ApiRequest;
import dev.druidtasks.conformance.http.Exchange;
import dev.druidtasks.conformance.state.SuiteState;
import dev.druidtasks.conformance.state.TaskDriver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The list endpoints over complete tasks: filters, limits, order, and their bad inputs. */
final class ListCases {
  private ListCases() {}

  private static List<JsonNode> get(CaseContext c, String path, Map<String, String> query) {
    return c.tasks().list(path, query);
  }

  private static List<String> ours(List<JsonNode> tasks, Set<String> ids) {
    List<String> out = new ArrayList<>();
    for (String id : CaseContext.ids(tasks)) {
      if (ids.contains(id)) {
        out.add(id);
      }
    }
    return out;
  }

  /** The createdTimeInterval value {@code start_end} for an instant ± a margin. */
  private static String around(Instant t, Duration margin) {
    return t.minus(margin) + "_" + t.plus(margin);
  }

  static List<ConformanceCase> cases() {
    List<ConformanceCase> out = new ArrayList<>();
    out.add(define("tasks.filter.datasource", Endpoint.GET_TASKS, "datasource= lists exactly that datasource's tasks")
        .source("doc: Get an array of tasks, datasource").run(c -> {
          SuiteState.CompletedSet d = c.state().completed(c.tasks());
          List<JsonNode> got = get(c, "/tasks", Map.of("datasource", d.dataSource()));
          Exchange ex = c.lastExchange();
          Expect.that(CaseContext.ids(got).containsAll(d.ids()), "missing the datasource's tasks " + d.ids(), ex);
          Expect.that(!CaseContext.ids(got).contains(d.otherId()), "lists a task of another datasource", ex);
          for (JsonNode t : got) {
            Expect.equal(d.dataSource(), t.path("dataSource").asText(null), "dataSource of " + t.path("id"), ex);
          }
        }));
    out.add(define("tasks.filter.state-complete", Endpoint.GET_TASKS,
        "state=complete lists complete tasks only, each with runnerStatusCode NONE and a duration")
        .source("doc: Get an array of tasks, state; BEHAVIOR.md TaskStatusPlus").run(c -> {
          SuiteState.CompletedSet d = c.state().completed(c.tasks());
          List<JsonNode> got = get(c, "/tasks", Map.of("state", "complete", "datasource", d.dataSource()));
          Exchange ex = c.lastExchange();
          Expect.that(CaseContext.ids(got).containsAll(d.ids()), "missing complete tasks " + d.ids(), ex);
          for (JsonNode t : got) {
            String code = t.path("statusCode").asText();
            Expect.that(code.equals("SUCCESS") || code.equals("FAILED"), "a " + code + " task in state=complete", ex);
            Expect.equal(code, t.path("status").asText(null), "status (twin of statusCode)", ex);
            Expect.equal("NONE", t.path("runnerStatusCode").asText(null), "runnerStatusCode of a complete task", ex);
            Expect.that(t.path("duration").asLong(-1) >= 0, "duration of a complete task is negative", ex);
          }
        }));
    out.add(define("tasks.state.case-insensitive", Endpoint.GET_TASKS, "state=COMPLETE means state=complete")
        .source("BEHAVIOR.md Listing: state is case-insensitive").run(c -> {
          SuiteState.CompletedSet d = c.state().completed(c.tasks());
          List<JsonNode> got = get(c, "/tasks", Map.of("state", "COMPLETE", "datasource", d.dataSource()));
          Expect.that(CaseContext.ids(got).containsAll(d.ids()), "missing complete tasks", c.lastExchange());
        }));
    out.add(define("tasks.filter.type", Endpoint.GET_TASKS, "type= keeps tasks of that type only")
        .source("doc: Get an array of tasks, type").run(c -> {
          SuiteState.CompletedSet d = c.state().completed(c.tasks());
          List<JsonNode> noop = get(c, "/tasks", Map.of("datasource", d.dataSource(), "type", "noop"));
          Expect.that(CaseContext.ids(noop).containsAll(d.ids()), "type=noop misses noop tasks", c.lastExchange());
          List<JsonNode> other = get(c, "/tasks", Map.of("datasource", d.dataSource(), "type", "index_parallel"));
          Expect.that(ours(other, Set.copyOf(d.ids())).isEmpty(), "type=index_parallel lists noop tasks",
              c.lastExchange());
        }));
    out.add(define("tasks.order.newest-first", Endpoint.GET_TASKS, "complete tasks come newest createdTime first")
        .source("BEHAVIOR.md Listing: order").run(c -> {
          SuiteState.CompletedSet d = c.state().completed(c.tasks());
          List<JsonNode> got = get(c, "/tasks", Map.of("state", "complete", "datasource", d.dataSource()));
          Expect.equal(List.of(d.ids().get(1), d.ids().get(0)), ours(got, Set.copyOf(d.ids())), "order",
              c.lastExchange());
          String previous = null;
          for (JsonNode t : got) {
            String created = t.path("createdTime").asText();
            Expect.that(previous == null || Instant.parse(created).compareTo(Instant.parse(previous)) <= 0,
                "createdTime " + created + " after " + previous + " in a newest-first list", c.lastExchange());
            previous = created;
          }
        }));
    out.add(define("tasks.max", Endpoint.GET_TASKS, "max=1 with state=complete keeps the newest task only")
        .source("doc: Get an array of tasks, max").run(c -> {
          SuiteState.CompletedSet d = c.state().completed(c.tasks());
          List<JsonNode> got = get(c, "/tasks", Map.of("state", "complete", "datasource", d.dataSource(), "max", "1"));
          Expect.equal(List.of(d.ids().get(1)), CaseContext.ids(got), "tasks listed", c.lastExchange());
        }));
    out.add(define("tasks.max.zero", Endpoint.GET_TASKS, "max=0 lists no complete task")
        .source("BEHAVIOR.md Listing: max 0 → none").run(c -> {
          SuiteState.CompletedSet d = c.state().completed(c.tasks());
          List<JsonNode> got = get(c, "/tasks", Map.of("state", "complete", "datasource", d.dataSource(), "max", "0"));
          Expect.equal(List.of(), CaseContext.ids(got), "tasks listed", c.lastExchange());
        }));
    out.add(define("tasks.max.without-state", Endpoint.GET_TASKS, "max applies to the complete part when no state is given")
        .source("BEHAVIOR.md Listing: max applies to the complete part").run(c -> {
          SuiteState.CompletedSet d = c.state().completed(c.tasks());
          List<JsonNode> got = get(c, "/tasks", Map.of("datasource", d.dataSource(), "max", "1"));
          Expect.equal(List.of(d.ids().get(1)), CaseContext.ids(got), "tasks listed", c.lastExchange());
        }));
    out.add(define("tasks.created-interval.window", Endpoint.GET_TASKS,
        "createdTimeInterval keeps the tasks created within it")
        .source("doc: Get an array of tasks, createdTimeInterval (Druid 33 uses only its length)").docOnly().run(c -> {
          SuiteState.CompletedSet d = c.state().completed(c.tasks());
          String second = d.ids().get(1);
          Instant created = Instant.parse(d.views().get(second).createdTime());
          List<JsonNode> got = get(c, "/tasks", Map.of("datasource", d.dataSource(),
              "createdTimeInterval", around(created, Duration.ofMillis(20))));
          Expect.equal(List.of(second), CaseContext.ids(got), "tasks listed", c.lastExchange());
        }));
    out.add(define("tasks.created-interval.past", Endpoint.GET_TASKS,
        "a createdTimeInterval in the past lists none of today's tasks")
        .source("doc: Get an array of tasks, createdTimeInterval").docOnly().run(c -> {
          SuiteState.CompletedSet d = c.state().completed(c.tasks());
          List<JsonNode> got = get(c, "/tasks", Map.of("datasource", d.dataSource(),
              "createdTimeInterval", "2015-09-12_2015-09-13"));
          Expect.equal(List.of(), CaseContext.ids(got), "tasks listed", c.lastExchange());
        }));
    out.add(define("tasks.created-interval.covering", Endpoint.GET_TASKS,
        "a createdTimeInterval around now lists the tasks just made")
        .source("doc: Get an array of tasks, createdTimeInterval").run(c -> {
          SuiteState.CompletedSet d = c.state().completed(c.tasks());
          List<JsonNode> got = get(c, "/tasks", Map.of("state", "complete", "datasource", d.dataSource(),
              "createdTimeInterval", around(Instant.now(), Duration.ofHours(2))));
          Expect.that(CaseContext.ids(got).containsAll(d.ids()), "missing tasks created within the interval",
              c.lastExchange());
        }));
    out.add(define("tasks.state.invalid", Endpoint.GET_TASKS, "an unknown state is refused: 400 with Druid's text")
        .source("BEHAVIOR.md Listing: state").run(c -> {
          Exchange ex = c.send(ApiRequest.get(TaskDriver.BASE + "/tasks").withQuery("state", "bogus"));
          Expect.status(ex, 400);
          Expect.text(ex, Texts.invalidState("bogus"));
        }));
    out.add(define("tasks.max.invalid", Endpoint.GET_TASKS,
        "max=abc and max=-1 are refused with a JSON error: 400 naming max (the doc lists 500)")
        .source("doc: Get an array of tasks, 500 'Invalid query parameter'; BEHAVIOR.md Listing: max").docOnly()
        .run(c -> {
          for (String max : List.of("abc", "-1")) {
            Exchange ex = c.send(ApiRequest.get(TaskDriver.BASE + "/tasks").withQuery(Map.of("state", "complete",
                "max", max)));
            Expect.status(ex, 400, 500);
            Expect.errorBody(ex);
          }
        }));
    out.add(define("tasks.max.invalid.druid", Endpoint.GET_TASKS,
        "Druid 33 answers max=abc with an empty 404 and max=-1 with a 500 error page (its SQL failing)")
        .source("reference Druid 33.0.0").druidOnly().run(c -> {
          Exchange abc = c.sendOutsideSpec(ApiRequest.get(TaskDriver.BASE + "/tasks").withQuery(Map.of("state",
              "complete", "max", "abc")));
          Expect.status(abc, 404);
          Expect.equal("", abc.response().text(), "body", abc);
          Exchange negative = c.sendOutsideSpec(ApiRequest.get(TaskDriver.BASE + "/tasks").withQuery(Map.of("state",
              "complete", "max", "-1")));
          Expect.druidErrorPage(negative, "Exception");
        }));
    out.add(define("tasks.created-interval.invalid", Endpoint.GET_TASKS,
        "a malformed createdTimeInterval is refused with a JSON error: 400 naming it (the doc lists 500)")
        .source("doc: Get an array of tasks, 500; BEHAVIOR.md Listing: malformed interval").docOnly().run(c -> {
          Exchange ex = c.send(ApiRequest.get(TaskDriver.BASE + "/tasks").withQuery("createdTimeInterval", "yesterday"));
          Expect.status(ex, 400, 500);
          Expect.errorBody(ex);
        }));
    out.add(define("tasks.created-interval.invalid.druid", Endpoint.GET_TASKS,
        "Druid 33 answers a malformed createdTimeInterval with a 500 error page naming the interval")
        .source("reference Druid 33.0.0").druidOnly().run(c -> {
          Exchange ex = c.sendOutsideSpec(ApiRequest.get(TaskDriver.BASE + "/tasks")
              .withQuery("createdTimeInterval", "yesterday"));
          Expect.druidErrorPage(ex, "Invalid interval[yesterday]");
        }));
    out.add(define("complete-tasks.lists-complete", Endpoint.GET_COMPLETE_TASKS, "lists recent complete tasks only")
        .source("doc: Get an array of complete tasks").run(c -> {
          SuiteState.CompletedSet d = c.state().completed(c.tasks());
          List<JsonNode> got = get(c, "/completeTasks", Map.of());
          Expect.that(CaseContext.ids(got).containsAll(d.ids()), "missing recent complete tasks", c.lastExchange());
          for (JsonNode t : got) {
            Expect.that(!t.path("statusCode").asText().equals("RUNNING"), "an active task in completeTasks",
                c.lastExchange());
          }
        }));
    out.add(define("complete-tasks.n", Endpoint.GET_COMPLETE_TASKS, "n=1 keeps one complete task")
        .source("BEHAVIOR.md Listing: /completeTasks accepts n").run(c -> {
          c.state().completed(c.tasks());
          List<JsonNode> got = get(c, "/completeTasks", Map.of("n", "1"));
          Expect.equal(1, got.size(), "tasks listed", c.lastExchange());
        }));
    out.add(define("complete-tasks.filter.datasource", Endpoint.GET_COMPLETE_TASKS, "datasource= filters /completeTasks")
        .source("doc: Get an array of complete tasks, datasource (Druid ignores it)").docOnly().run(c -> {
          SuiteState.CompletedSet d = c.state().completed(c.tasks());
          List<JsonNode> got = get(c, "/completeTasks", Map.of("datasource", d.dataSource()));
          Expect.equal(Set.copyOf(d.ids()), Set.copyOf(CaseContext.ids(got)), "tasks listed", c.lastExchange());
        }));
    out.add(define("complete-tasks.max", Endpoint.GET_COMPLETE_TASKS, "max=1 keeps the newest complete task")
        .source("doc: Get an array of complete tasks, max (Druid ignores it)").docOnly().run(c -> {
          SuiteState.CompletedSet d = c.state().completed(c.tasks());
          List<JsonNode> got = get(c, "/completeTasks", Map.of("datasource", d.dataSource(), "max", "1"));
          Expect.equal(List.of(d.ids().get(1)), CaseContext.ids(got), "tasks listed", c.lastExchange());
        }));
    out.add(define("complete-tasks.filter.type", Endpoint.GET_COMPLETE_TASKS, "type= filters /completeTasks")
        .source("doc: Get an array of complete tasks, type (Druid ignores it)").docOnly().run(c -> {
          SuiteState.CompletedSet d = c.state().completed(c.tasks());
          List<JsonNode> got = get(c, "/completeTasks", Map.of("datasource", d.dataSource(), "type", "index_parallel"));
          Expect.equal(List.of(), CaseContext.ids(got), "tasks listed", c.lastExchange());
        }));
    out.add(define("complete-tasks.n.invalid", Endpoint.GET_COMPLETE_TASKS, "n=abc is refused (400; Druid 404)")
        .source("BEHAVIOR.md Common: query value of the wrong type").run(c -> {
          Exchange ex = c.send(ApiRequest.get(TaskDriver.BASE + "/completeTasks").withQuery("n", "abc"));
          Expect.status(ex, 400, 404);
        }));
    out.add(define("common.gzip", Endpoint.GET_TASKS, "answers are gzip-compressed when the client accepts gzip")
        .source("BEHAVIOR.md Common: gzip").run(c -> {
          SuiteState.CompletedSet d = c.state().completed(c.tasks());
          Exchange ex = c.send(ApiRequest.get(TaskDriver.BASE + "/tasks").withQuery("datasource", d.dataSource())
              .withHeader("Accept-Encoding", "gzip"));
          Expect.status(ex, 200);
          Expect.equal("gzip", ex.response().header("Content-Encoding").orElse("(none)"), "Content-Encoding", ex);
          Expect.jsonArray(ex);
        }));
    return out;
  }
}
