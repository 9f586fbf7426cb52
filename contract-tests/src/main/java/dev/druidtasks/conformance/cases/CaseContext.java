package dev.druidtasks.conformance.cases;

import com.fasterxml.jackson.databind.JsonNode;
import dev.druidtasks.conformance.check.PreconditionUnmet;
import dev.druidtasks.conformance.http.ApiRequest;
import dev.druidtasks.conformance.http.Exchange;
import dev.druidtasks.conformance.http.RequestSender;
import dev.druidtasks.conformance.http.TasksClient;
import dev.druidtasks.conformance.spec.OpenApiDocument;
import dev.druidtasks.conformance.state.RunIds;
import dev.druidtasks.conformance.state.SuiteState;
import dev.druidtasks.conformance.state.TaskDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a case works with: the target (every answer checked against the OpenAPI document), the
 * run's shared tasks, and unique ids.
 */
public final class CaseContext implements RequestSender {
  private final TasksClient client;
  private final OpenApiDocument spec;
  private final SuiteState state;
  private final Duration timeout;
  private final Set<String> violations = new LinkedHashSet<>();
  private final List<Exchange> exchanges = new ArrayList<>();
  private Exchange violating;

  public CaseContext(TasksClient client, OpenApiDocument spec, SuiteState state, Duration timeout) {
    this.client = client;
    this.spec = spec;
    this.state = state;
    this.timeout = timeout;
  }

  /** Sends a request whose answer must conform to the OpenAPI document. */
  @Override
  public Exchange send(ApiRequest request) {
    Exchange ex = client.send(request);
    exchanges.add(ex);
    for (String v : spec.violations(ex)) {
      if (violations.add(ex.request().method() + " " + ex.request().path() + " " + ex.status() + ": " + v)
          && violating == null) {
        violating = ex;
      }
    }
    return ex;
  }

  /** Sends a request the document does not describe (unknown path, wrong method): not validated. */
  public Exchange sendOutsideSpec(ApiRequest request) {
    Exchange ex = client.send(request);
    exchanges.add(ex);
    return ex;
  }

  public TaskDriver tasks() {
    return new TaskDriver(this, state, timeout);
  }

  public SuiteState state() {
    return state;
  }

  public RunIds ids() {
    return state.ids();
  }

  public Duration timeout() {
    return timeout;
  }

  /** Answers that broke the OpenAPI document, one line each. */
  public List<String> specViolations() {
    return List.copyOf(violations);
  }

  /** The first exchange whose answer broke the document. */
  public Exchange violatingExchange() {
    return violating;
  }

  public Exchange lastExchange() {
    return exchanges.isEmpty() ? null : exchanges.get(exchanges.size() - 1);
  }

  /** Ends the case as SKIP: the state it needs cannot be made on this target. */
  public static void skip(String reason) {
    throw new PreconditionUnmet(reason);
  }

  public static List<String> ids(List<JsonNode> tasks) {
    List<String> out = new ArrayList<>();
    for (JsonNode t : tasks) {
      out.add(t.path("id").asText());
    }
    return out;
  }
}
