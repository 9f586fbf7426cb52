package dev.druidtasks.conformance.cases;

import static dev.druidtasks.conformance.cases.ConformanceCase.define;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.conformance.Endpoint;
import dev.druidtasks.conformance.check.Expect;
import dev.druidtasks.conformance.http.ApiRequest;
import dev.druidtasks.conformance.http.Exchange;
import dev.druidtasks.conformance.state.TaskDriver;
import dev.druidtasks.fixtures.TaskSpecs;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /task}: what is accepted, what is refused and how. */
final class SubmitCases {
  private static final String TASK = TaskDriver.BASE + "/task";
  private static final String MALFORMED = "{\"type\": \"noop\", ";

  private SubmitCases() {}

  static List<ConformanceCase> cases() {
    List<ConformanceCase> out = new ArrayList<>();
    out.add(define("submit.noop", Endpoint.SUBMIT_TASK, "a noop with an explicit id is accepted and its id echoed")
        .source("BEHAVIOR.md Submitting; What real clients rely on (OverlordClient)").run(c -> {
          String id = c.ids().task("submit");
          Exchange ex = c.tasks().trySubmit(TaskSpecs.noop(id, c.ids().dataSource("submit"), 100));
          Expect.status(ex, 200);
          Expect.equal(id, Expect.jsonObject(ex).path("task").asText(null), "answered task id", ex);
        }));
    out.add(define("submit.id-with-space", Endpoint.SUBMIT_TASK,
        "an id holding a space and non-ASCII letters is accepted, echoed, and found through its encoded path")
        .source("BEHAVIOR.md Submitting: id rules (space allowed)").run(c -> {
          String id = c.ids().task("with space é");
          String got = c.tasks().submit(TaskSpecs.noop(id, c.ids().dataSource("submit"), 100));
          Expect.equal(id, got, "answered task id", c.lastExchange());
          Expect.equal(id, c.tasks().status(id).id(), "status id", c.lastExchange());
        }));
    out.add(define("submit.generated-id", Endpoint.SUBMIT_TASK, "a task without an id gets one, which finds it")
        .source("BEHAVIOR.md Submitting: id when absent").run(c -> {
          ObjectNode spec = TaskSpecs.noop(null, c.ids().dataSource("submit"), 100);
          String id = c.tasks().submit(spec);
          Expect.that(!id.isBlank(), "empty generated id", c.lastExchange());
          Expect.equal(id, c.tasks().status(id).id(), "status id", c.lastExchange());
        }));
    out.add(define("submit.unknown-fields", Endpoint.SUBMIT_TASK, "unknown fields in a task are accepted")
        .source("BEHAVIOR.md Submitting: unknown fields are accepted").run(c -> {
          ObjectNode spec = TaskSpecs.noop(c.ids().task("extra"), c.ids().dataSource("submit"), 100);
          spec.put("conformanceUnknownField", "kept or ignored");
          Expect.status(c.tasks().trySubmit(spec), 200);
        }));
    out.add(define("submit.missing-type", Endpoint.SUBMIT_TASK, "a task without 'type' is refused with 400")
        .source("BEHAVIOR.md Submitting: missing type").run(c -> {
          Exchange ex = c.send(ApiRequest.postJson(TASK, "{\"id\": \"" + c.ids().task("no-type") + "\"}"));
          Expect.status(ex, 400);
          Expect.errorBody(ex);
        }));
    out.add(define("submit.unknown-type", Endpoint.SUBMIT_TASK, "a task of an unknown type is refused with 400 naming it")
        .source("BEHAVIOR.md Submitting: unknown type").run(c -> {
          Exchange ex = c.send(ApiRequest.postJson(TASK, "{\"type\": \"bogus_type\", \"id\": \""
              + c.ids().task("bogus") + "\"}"));
          Expect.status(ex, 400);
          Expect.errorMentions(ex, "bogus_type");
        }));
    out.add(define("submit.duplicate-id", Endpoint.SUBMIT_TASK, "a second task with a used id is refused with 400")
        .source("BEHAVIOR.md Submitting: duplicate id").run(c -> {
          String id = c.state().completed(c.tasks()).ids().get(0);
          Exchange ex = c.tasks().trySubmit(TaskSpecs.noop(id, "whatever", 100));
          Expect.status(ex, 400);
          Expect.errorMentions(ex, "already exists");
        }));
    out.add(define("submit.malformed-json", Endpoint.SUBMIT_TASK,
        "malformed JSON is refused with a JSON error: 400 naming the problem (the doc lists 500)")
        .source("doc: Submit a task, 500 'Unexpected token'; BEHAVIOR.md Submitting: malformed JSON").docOnly().run(c -> {
          Exchange ex = c.send(ApiRequest.postJson(TASK, MALFORMED));
          Expect.status(ex, 400, 500);
          Expect.errorBody(ex);
        }));
    out.add(define("submit.malformed-json.druid", Endpoint.SUBMIT_TASK,
        "Druid 33 answers malformed JSON with a 500 error page naming Jackson's parse error")
        .source("reference Druid 33.0.0").druidOnly().run(c -> {
          Exchange ex = c.sendOutsideSpec(ApiRequest.postJson(TASK, MALFORMED));
          Expect.druidErrorPage(ex, "JsonParseException");
        }));
    out.add(define("submit.empty-body", Endpoint.SUBMIT_TASK, "an empty JSON body is refused with 400")
        .source("BEHAVIOR.md Submitting: empty body (druid 500)").docOnly().run(c -> {
          Exchange ex = c.send(ApiRequest.post(TASK).withHeader("Content-Type", "application/json"));
          Expect.status(ex, 400);
          Expect.errorBody(ex);
        }));
    out.add(define("submit.empty-body.druid", Endpoint.SUBMIT_TASK,
        "Druid 33 answers an empty JSON body with a 500 error page (a NullPointerException)")
        .source("reference Druid 33.0.0").druidOnly().run(c -> {
          Exchange ex = c.sendOutsideSpec(ApiRequest.post(TASK).withHeader("Content-Type", "application/json"));
          Expect.druidErrorPage(ex, "NullPointerException");
        }));
    out.add(define("submit.wrong-content-type", Endpoint.SUBMIT_TASK, "a body that is not application/json gets 415")
        .source("doc: Submit a task, 415; BEHAVIOR.md Submitting").run(c -> {
          String spec = TaskSpecs.noop(c.ids().task("text"), "x", 100).toString();
          Exchange ex = c.send(ApiRequest.post(TASK).withHeader("Content-Type", "text/plain").withBody(spec));
          Expect.status(ex, 415);
        }));
    HostileIds.ALL.forEach((name, id) -> hostileId(out, name, id, name.equals(HostileIds.TOO_LONG)));
    return out;
  }

  /** A hostile id: 400 at submission, with a JSON error. */
  private static void hostileId(List<ConformanceCase> out, String name, String id, boolean docOnly) {
    var def = define("submit.hostile-id." + name, Endpoint.SUBMIT_TASK,
        "id '" + HostileIds.printable(id) + "' is refused with 400 and a JSON error")
        .source("BEHAVIOR.md Submitting: id rules" + (docOnly ? " (length bound: this server's)" : ""));
    if (docOnly) {
      def.docOnly();
    }
    out.add(def.run(c -> {
      ObjectNode spec = TaskSpecs.noop(id, c.ids().dataSource("hostile"), 100);
      Exchange ex = c.tasks().trySubmit(spec);
      Expect.status(ex, 400);
      Expect.errorBody(ex);
    }));
  }
}
