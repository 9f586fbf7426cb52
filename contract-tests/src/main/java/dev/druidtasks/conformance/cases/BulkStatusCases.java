package dev.druidtasks.conformance.cases;

import static dev.druidtasks.conformance.cases.ConformanceCase.define;

import com.fasterxml.jackson.databind.JsonNode;
import dev.druidtasks.conformance.Endpoint;
import dev.druidtasks.conformance.check.Expect;
import dev.druidtasks.conformance.http.ApiRequest;
import dev.druidtasks.conformance.http.Exchange;
import dev.druidtasks.conformance.state.SuiteState;
import dev.druidtasks.conformance.state.TaskDriver;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code POST /taskStatus}. */
final class BulkStatusCases {
  private static final String PATH = TaskDriver.BASE + "/taskStatus";

  private BulkStatusCases() {}

  private static String array(String... ids) {
    var a = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    for (String id : ids) {
      a.add(id);
    }
    return a.toString();
  }

  /**
   * 400 with Druid's text, which Druid sends bare under {@code application/json} and others may wrap
   * in a JSON error body: checked here, not by the document's schema.
   */
  private static void noTaskIds(CaseContext c, String body) {
    ApiRequest r = body == null ? ApiRequest.post(PATH).withHeader("Content-Type", "application/json")
        : ApiRequest.postJson(PATH, body);
    Exchange ex = c.sendOutsideSpec(r);
    Expect.status(ex, 400);
    Expect.equal("No Task IDs provided.", Expect.message(ex), "error message", ex);
  }

  static List<ConformanceCase> cases() {
    return List.of(
        define("task-status.known-and-unknown", Endpoint.GET_TASK_STATUSES,
            "known ids get a status object each; unknown ids are left out")
            .source("BEHAVIOR.md Bulk status").run(c -> {
              SuiteState.CompletedSet done = c.state().completed(c.tasks());
              String a = done.ids().get(0);
              String b = done.ids().get(1);
              Exchange ex = c.send(ApiRequest.postJson(PATH, array(a, b, c.ids().task("missing"))));
              Expect.status(ex, 200);
              JsonNode body = Expect.jsonObject(ex);
              Set<String> keys = new HashSet<>();
              body.fieldNames().forEachRemaining(keys::add);
              Expect.equal(Set.of(a, b), keys, "ids answered", ex);
              for (String id : List.of(a, b)) {
                JsonNode s = body.get(id);
                Expect.equal(id, s.path("id").asText(null), "id of " + id, ex);
                Expect.equal("SUCCESS", s.path("status").asText(null), "status of " + id, ex);
                Expect.that(s.path("duration").asLong(-1) >= 0, "duration of a complete task is negative", ex);
                Expect.that(s.path("location").isObject(), "location is not an object", ex);
                Expect.that(s.has("errorMsg"), "errorMsg is missing", ex);
              }
            }),
        define("task-status.only-unknown", Endpoint.GET_TASK_STATUSES, "only unknown ids: an empty object")
            .source("BEHAVIOR.md Bulk status").run(c -> {
              Exchange ex = c.send(ApiRequest.postJson(PATH, array(c.ids().task("missing"))));
              Expect.status(ex, 200);
              Expect.that(Expect.jsonObject(ex).isEmpty(), "expected {}", ex);
            }),
        define("task-status.duplicates", Endpoint.GET_TASK_STATUSES, "duplicate ids collapse to one entry")
            .source("BEHAVIOR.md Bulk status").run(c -> {
              String a = c.state().completed(c.tasks()).ids().get(0);
              Exchange ex = c.send(ApiRequest.postJson(PATH, array(a, a)));
              Expect.status(ex, 200);
              Expect.equal(1, Expect.jsonObject(ex).size(), "entries", ex);
            }),
        define("task-status.empty-list", Endpoint.GET_TASK_STATUSES, "an empty list is refused: 400 'No Task IDs provided.'")
            .source("BEHAVIOR.md Bulk status").run(c -> noTaskIds(c, "[]")),
        define("task-status.empty-body", Endpoint.GET_TASK_STATUSES,
            "an empty JSON body is refused: 400 'No Task IDs provided.'")
            .source("BEHAVIOR.md Bulk status").run(c -> noTaskIds(c, null)),
        define("task-status.object-body", Endpoint.GET_TASK_STATUSES, "an object body is refused with 400 and a JSON error")
            .source("BEHAVIOR.md Bulk status").run(c -> {
              Exchange ex = c.send(ApiRequest.postJson(PATH, "{\"ids\": []}"));
              Expect.status(ex, 400);
              Expect.errorBody(ex);
            }),
        define("task-status.string-body", Endpoint.GET_TASK_STATUSES, "a string body is refused with 400 and a JSON error")
            .source("BEHAVIOR.md Bulk status").run(c -> {
              Exchange ex = c.send(ApiRequest.postJson(PATH, "\"an-id\""));
              Expect.status(ex, 400);
              Expect.errorBody(ex);
            }),
        define("task-status.malformed-json", Endpoint.GET_TASK_STATUSES, "malformed JSON is refused with 400")
            .source("BEHAVIOR.md Bulk status").run(c -> {
              Exchange ex = c.send(ApiRequest.postJson(PATH, "[\"a\", "));
              Expect.status(ex, 400);
              Expect.errorBody(ex);
            }),
        define("task-status.null-element", Endpoint.GET_TASK_STATUSES, "a null in the list is refused with 400 and a JSON error")
            .source("BEHAVIOR.md Bulk status: null element (Druid 500)").docOnly().run(c -> {
              Exchange ex = c.send(ApiRequest.postJson(PATH, "[null]"));
              Expect.status(ex, 400);
              Expect.errorBody(ex);
            }),
        define("task-status.null-element.druid", Endpoint.GET_TASK_STATUSES,
            "Druid 33 answers a null in the list with a 500 error page (a NullPointerException)")
            .source("reference Druid 33.0.0").druidOnly().run(c -> {
              Exchange ex = c.sendOutsideSpec(ApiRequest.postJson(PATH, "[null]"));
              Expect.druidErrorPage(ex, "NullPointerException");
            }),
        define("task-status.no-content-type", Endpoint.GET_TASK_STATUSES, "a body without a content type gets 415")
            .source("doc: Retrieve status objects, 415; BEHAVIOR.md Bulk status").run(c -> {
              Exchange ex = c.send(ApiRequest.post(PATH).withBody(array("x")));
              Expect.status(ex, 415);
            }),
        define("task-status.text-content-type", Endpoint.GET_TASK_STATUSES, "a text/plain body gets 415")
            .source("doc: Retrieve status objects, 415; BEHAVIOR.md Bulk status").run(c -> {
              Exchange ex = c.send(ApiRequest.post(PATH).withHeader("Content-Type", "text/plain").withBody(array("x")));
              Expect.status(ex, 415);
            }));
  }
}
