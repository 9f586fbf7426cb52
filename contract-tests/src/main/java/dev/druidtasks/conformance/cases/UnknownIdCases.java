package dev.druidtasks.conformance.cases;

import static dev.druidtasks.conformance.cases.ConformanceCase.define;

import dev.druidtasks.conformance.Endpoint;
import dev.druidtasks.conformance.check.Expect;
import dev.druidtasks.conformance.http.ApiRequest;
import dev.druidtasks.conformance.http.Exchange;
import dev.druidtasks.conformance.state.TaskDriver;
import java.util.List;

/** Every {@code /task/{id}…} path answers an unknown id with the same 404 text. */
final class UnknownIdCases {
  private UnknownIdCases() {}

  static List<ConformanceCase> cases() {
    return List.of(
        unknown("payload", Endpoint.GET_TASK_PAYLOAD, "GET", ""),
        unknown("status", Endpoint.GET_TASK_STATUS, "GET", "/status"),
        unknown("segments", Endpoint.GET_TASK_SEGMENTS, "GET", "/segments"),
        unknown("log", Endpoint.GET_TASK_LOG, "GET", "/log"),
        unknown("reports", Endpoint.GET_TASK_REPORTS, "GET", "/reports"),
        unknown("shutdown", Endpoint.SHUTDOWN_TASK, "POST", "/shutdown"),
        define("status.hostile-id", Endpoint.GET_TASK_STATUS,
            "the status of an id that breaks Druid's id rules is a 4xx that finds no task")
            .source("doc: Get task status, 404 'Cannot find task with ID'; BEHAVIOR.md Submitting: id rules")
            .docOnly().run(c -> {
              for (String name : HostileIds.RULE_BREAKING) {
                lookUpNothing(c, HostileIds.ALL.get(name));
              }
            }),
        define("status.hostile-id.druid", Endpoint.GET_TASK_STATUS,
            "Druid 33 answers the status of an id that breaks its id rules with a 500 error page naming the rule")
            .source("reference Druid 33.0.0").druidOnly().run(c -> {
              for (String name : HostileIds.RULE_BREAKING) {
                String id = HostileIds.ALL.get(name);
                Expect.druidErrorPage(c.sendOutsideSpec(ApiRequest.get(TaskDriver.taskPath(id, "/status"))),
                    "Invalid value for field [taskId]");
              }
            }),
        define("status.unusable-id", Endpoint.GET_TASK_STATUS,
            "the status of an empty or a 10 000-character id is a 4xx that finds no task")
            .source("BEHAVIOR.md Submitting: id rules").run(c -> {
              lookUpNothing(c, HostileIds.ALL.get("empty"));
              lookUpNothing(c, HostileIds.ALL.get(HostileIds.TOO_LONG));
            }));
  }

  /** The container itself may refuse such a URI (400, 414, 431) before the API sees it. */
  private static void lookUpNothing(CaseContext c, String id) {
    Exchange lookup = c.sendOutsideSpec(ApiRequest.get(TaskDriver.taskPath(id, "/status")));
    Expect.status(lookup, 404, 400, 414, 431);
    if (lookup.response().mediaType().equals("application/json")) {
      var body = lookup.response().json().orElse(null);
      Expect.that(body == null || !body.has("status"), "a lookup of a refused id found a task", lookup);
    }
  }

  private static ConformanceCase unknown(String name, Endpoint endpoint, String method, String suffix) {
    return define("unknown-id." + name, endpoint,
        method + " /task/{unknown}" + suffix + " answers 404 text 'Cannot find any task with id: [<id>]'")
        .source("BEHAVIOR.md Common: unknown task id").run(c -> {
          String id = c.ids().task("missing");
          ApiRequest r = method.equals("GET") ? ApiRequest.get(TaskDriver.taskPath(id, suffix))
              : ApiRequest.post(TaskDriver.taskPath(id, suffix));
          Exchange ex = c.send(r);
          Expect.status(ex, 404);
          Expect.text(ex, Texts.unknownTask(id));
        });
  }
}
