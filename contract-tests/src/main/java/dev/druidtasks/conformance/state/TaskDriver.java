package dev.druidtasks.conformance.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.conformance.check.CaseFailure;
import dev.druidtasks.conformance.check.Expect;
import dev.druidtasks.conformance.http.ApiRequest;
import dev.druidtasks.conformance.http.Exchange;
import dev.druidtasks.conformance.http.RequestSender;
import dev.druidtasks.fixtures.PathSegments;
import dev.druidtasks.fixtures.TaskSpecs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Makes and observes tasks through the API only: submit, poll status, shut down. */
public final class TaskDriver {
  public static final String BASE = "/druid/indexer/v1";
  /** How often a wait polls: short, so transitions are seen. */
  static final Duration POLL = Duration.ofMillis(100);

  private final RequestSender sender;
  private final SuiteState state;
  private final Duration timeout;

  public TaskDriver(RequestSender sender, SuiteState state, Duration timeout) {
    this.sender = sender;
    this.state = state;
    this.timeout = timeout;
  }

  public Duration timeout() {
    return timeout;
  }

  public static String taskPath(String id, String suffix) {
    return BASE + "/task/" + PathSegments.encode(id) + suffix;
  }

  /** POSTs the spec; the answer, whatever it is. A 200 registers the task for clean-up. */
  public Exchange trySubmit(ObjectNode spec) {
    Exchange ex = sender.send(ApiRequest.postJson(BASE + "/task", spec.toString()));
    if (ex.status() == 200) {
      ex.response().json().map(j -> j.path("task").asText(null)).ifPresent(state::created);
    }
    return ex;
  }

  /** Submits a task the target must accept; returns its id. */
  public String submit(ObjectNode spec) {
    Exchange ex = trySubmit(spec);
    Expect.status(ex, 200);
    JsonNode body = Expect.jsonObject(ex);
    Expect.that(body.path("task").isTextual(), "submit answer lacks a string 'task'", ex);
    return body.get("task").asText();
  }

  /** A noop task with an explicit id. */
  public String submitNoop(String id, String dataSource, long runTimeMs) {
    String got = submit(TaskSpecs.noop(id, dataSource, runTimeMs));
    if (!got.equals(id)) {
      throw new CaseFailure("submit answered task id '" + got + "' for explicit id '" + id + "'", null);
    }
    return got;
  }

  public Exchange statusExchange(String id) {
    return sender.send(ApiRequest.get(taskPath(id, "/status")));
  }

  /** The task's status, which must exist. */
  public TaskView status(String id) {
    Exchange ex = statusExchange(id);
    Expect.status(ex, 200);
    JsonNode body = Expect.jsonObject(ex);
    Expect.that(body.path("status").isObject(), "status answer lacks a 'status' object", ex);
    return TaskView.of(body.get("status"));
  }

  /** The task's status, or empty when the target does not know the id (404). */
  public Optional<TaskView> find(String id) {
    Exchange ex = statusExchange(id);
    if (ex.status() == 404) {
      return Optional.empty();
    }
    Expect.status(ex, 200);
    return Optional.of(TaskView.of(Expect.jsonObject(ex).path("status")));
  }

  /** Polls the task until {@code condition} holds; every observation goes to {@code seen} when given. */
  public TaskView await(String id, Predicate<TaskView> condition, String what, List<TaskView> seen) {
    long deadline = System.nanoTime() + timeout.toNanos();
    TaskView last = null;
    while (true) {
      last = status(id);
      if (seen != null) {
        seen.add(last);
      }
      if (condition.test(last)) {
        return last;
      }
      if (System.nanoTime() > deadline) {
        throw new CaseFailure("task " + id + " did not become " + what + " within " + timeout.toSeconds()
            + " s; last seen " + last, null);
      }
      sleep(POLL);
    }
  }

  public TaskView awaitComplete(String id) {
    return await(id, TaskView::complete, "complete", null);
  }

  public TaskView awaitRunner(String id, String runnerStatusCode) {
    return await(id, v -> runnerStatusCode.equals(v.runnerStatusCode()), runnerStatusCode, null);
  }

  public Exchange shutdown(String id) {
    return sender.send(ApiRequest.post(taskPath(id, "/shutdown")));
  }

  /** GET a list endpoint; the answer must be a JSON array. */
  public List<JsonNode> list(String path, Map<String, String> query) {
    Exchange ex = sender.send(ApiRequest.get(BASE + path).withQuery(query));
    Expect.status(ex, 200);
    List<JsonNode> out = new ArrayList<>();
    Expect.jsonArray(ex).forEach(out::add);
    return out;
  }

  public static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
