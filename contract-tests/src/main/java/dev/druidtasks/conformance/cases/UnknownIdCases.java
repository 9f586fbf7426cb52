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
        unknown("shutdown", Endpoint.SHUTDOWN_TASK, "POST", "/shutdown"));
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
