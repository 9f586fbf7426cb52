package dev.druidtasks.conformance.cases;

import static dev.druidtasks.conformance.cases.ConformanceCase.define;

import com.fasterxml.jackson.databind.JsonNode;
import dev.druidtasks.conformance.Endpoint;
import dev.druidtasks.conformance.check.Expect;
import dev.druidtasks.conformance.http.ApiRequest;
import dev.druidtasks.conformance.http.Exchange;
import java.util.List;

/** The node's status endpoints and HTTP-level behaviour common to all endpoints. */
final class ServiceCases {
  private ServiceCases() {}

  static List<ConformanceCase> cases() {
    return List.of(
        define("health.true", Endpoint.GET_HEALTH, "GET /status/health answers true")
            .source("BEHAVIOR.md Common: /status/health").run(c -> {
              Exchange ex = c.send(ApiRequest.get("/status/health"));
              Expect.status(ex, 200);
              JsonNode body = Expect.json(ex);
              Expect.that(body.isBoolean() && body.asBoolean(), "expected the JSON value true, got " + body, ex);
            }),
        define("status.version", Endpoint.GET_STATUS, "GET /status answers an object with a string version")
            .source("BEHAVIOR.md Common: /status").run(c -> {
              Exchange ex = c.send(ApiRequest.get("/status"));
              Expect.status(ex, 200);
              Expect.that(Expect.jsonObject(ex).path("version").isTextual(), "no string 'version'", ex);
            }),
        define("common.unknown-path", Endpoint.GET_TASKS, "an unknown path under the API answers 404")
            .source("BEHAVIOR.md Common: unknown paths 404").run(c -> {
              Exchange ex = c.sendOutsideSpec(ApiRequest.get("/druid/indexer/v1/no-such-endpoint"));
              Expect.status(ex, 404);
            }),
        define("common.wrong-method", Endpoint.GET_TASKS, "DELETE on a GET-only endpoint answers 405")
            .source("BEHAVIOR.md Common: wrong method 405").run(c -> {
              Exchange ex = c.sendOutsideSpec(ApiRequest.delete("/druid/indexer/v1/tasks"));
              Expect.status(ex, 405);
            }));
  }
}
