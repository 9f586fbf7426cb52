package dev.druidtasks.server.api;

import static dev.druidtasks.server.TestServer.API;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.druidtasks.server.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each answer the server gives, good or bad, validates against the OpenAPI document it is built from. */
class ServedResponsesMatchSpecTest {
  private static TestServer server;
  private static OpenApiInteractionValidator validator;
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private final List<String> problems = new ArrayList<>();

  @BeforeAll
  static void setUp() throws IOException {
    server = TestServer.shared();
    try (InputStream in = ServedResponsesMatchSpecTest.class.getResourceAsStream("/tasks-api.yaml")) {
      validator = OpenApiInteractionValidator
          .createForInlineApiSpecification(new String(in.readAllBytes(), StandardCharsets.UTF_8)).build();
    }
  }

  private void check(Request.Method method, String specPath, HttpResponse<String> r) {
    SimpleResponse.Builder b = SimpleResponse.Builder.status(r.statusCode()).withBody(r.body());
    r.headers().firstValue("Content-Type").ifPresent(b::withContentType);
    String path = r.request().uri().getRawPath();
    ValidationReport report = validator.validateResponse(path, method, b.build());
    if (report.hasErrors()) {
      problems.add(method + " " + r.request().uri() + " -> " + r.statusCode() + ": " + report.getMessages());
    }
  }

  @Test
  void everyEndpointAnswersWithinTheSpec() {
    String id = "spec-" + RUN;
    String ds = "spec-ds-" + RUN;
    HttpResponse<String> submitted = server.post(API + "/task", "application/json",
        "{\"type\":\"noop\",\"id\":\"" + id + "\",\"dataSource\":\"" + ds + "\",\"runTime\":50}");
    check(Request.Method.POST, "", submitted);
    String running = "spec-running-" + RUN;
    server.submit("{\"type\":\"noop\",\"id\":\"" + running + "\",\"dataSource\":\"" + ds + "\",\"runTime\":60000}");
    server.awaitRunner(running, "RUNNING");
    server.awaitComplete(id);

    for (String q : List.of("", "?state=complete", "?state=running", "?state=waiting", "?state=pending",
        "?datasource=" + ds + "&max=1", "?state=bogus", "?max=x", "?createdTimeInterval=nope")) {
      check(Request.Method.GET, "", server.get(API + "/tasks" + q));
    }
    for (String list : List.of("completeTasks", "runningTasks", "waitingTasks", "pendingTasks")) {
      check(Request.Method.GET, "", server.get(API + "/" + list));
    }
    for (String t : List.of(id, running, "unknown-" + RUN)) {
      for (String suffix : List.of("", "/status", "/segments", "/log", "/log?offset=-10", "/reports")) {
        check(Request.Method.GET, "", server.get(API + "/task/" + t + suffix));
      }
    }
    check(Request.Method.POST, "", server.post(API + "/task", "application/json", "{bad"));
    check(Request.Method.POST, "", server.post(API + "/task", "application/json", "{\"type\":\"bogus\"}"));
    check(Request.Method.POST, "", server.post(API + "/task", "text/plain", "{}"));
    check(Request.Method.POST, "", server.post(API + "/taskStatus", "application/json", "[\"" + id + "\"]"));
    check(Request.Method.POST, "", server.post(API + "/taskStatus", "application/json", "[]"));
    check(Request.Method.POST, "", server.post(API + "/taskStatus", "text/plain", "[]"));
    check(Request.Method.DELETE, "", server.delete(API + "/pendingSegments/" + ds + "-none"));
    check(Request.Method.DELETE, "", server.delete(API + "/pendingSegments/" + ds + "?interval=bad"));
    check(Request.Method.GET, "", server.get("/status"));
    check(Request.Method.GET, "", server.get("/status/health"));
    check(Request.Method.POST, "", server.post(API + "/task/" + id + "/shutdown", null, null));
    check(Request.Method.POST, "", server.post(API + "/task/" + running + "/shutdown", "application/json", "{}"));
    check(Request.Method.POST, "", server.post(API + "/datasources/" + ds + "-none/shutdownAllTasks", null, null));
    server.awaitComplete(running);

    assertThat(problems).isEmpty();
  }
}
