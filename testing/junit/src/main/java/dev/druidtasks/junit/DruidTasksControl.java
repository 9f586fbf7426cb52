package dev.druidtasks.junit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** The server's control API ({@code /druid-tasks/v1/control}) from Java: what a test does to the server. */
public final class DruidTasksControl {
  private static final String PATH = "/druid-tasks/v1/control";
  private final URI base;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  DruidTasksControl(URI base, HttpClient http) {
    this.base = base;
    this.http = http;
  }

  /** How a reset went: tasks that were running, and its time in milliseconds. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ResetResult(int stoppedTasks, long tookMs) { }

  /** A task as it was submitted. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Submitted(String id, String type, String dataSource, String createdTime, JsonNode payload) { }

  /** An outcome rule for simulated tasks: by type, and regular expressions on data source and id (null: any). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Rule(String type, String dataSource, String id, Simulation simulate) { }

  /** Stops running tasks and deletes every task, lock, log, report, segment and audit line; clears rules and pauses. */
  public ResetResult reset() {
    return call("POST", "/reset", null, new TypeReference<>() { });
  }

  /** Holds submitted tasks WAITING until {@link #resumeScheduling()}. */
  public void pauseScheduling() {
    call("POST", "/scheduling/pause", null, new TypeReference<JsonNode>() { });
  }

  public void resumeScheduling() {
    call("POST", "/scheduling/resume", null, new TypeReference<JsonNode>() { });
  }

  /** Holds pending tasks PENDING until {@link #resumeWorker()}. */
  public void pauseWorker() {
    call("POST", "/worker/pause", null, new TypeReference<JsonNode>() { });
  }

  public void resumeWorker() {
    call("POST", "/worker/resume", null, new TypeReference<JsonNode>() { });
  }

  /** Moves the server's task clock forward (created times, durations, the recent window, simulated run times). */
  public void advanceClock(Duration by) {
    call("POST", "/clock/advance", java.util.Map.of("by", by.toString()), new TypeReference<JsonNode>() { });
  }

  /** Ends an active task now with SUCCESS. */
  public void succeed(String taskId) {
    call("POST", "/tasks/" + encode(taskId) + "/outcome", java.util.Map.of("status", "SUCCESS"),
        new TypeReference<JsonNode>() { });
  }

  /** Ends an active task now with FAILED and {@code errorMsg}. */
  public void fail(String taskId, String errorMsg) {
    call("POST", "/tasks/" + encode(taskId) + "/outcome", java.util.Map.of("status", "FAILED", "errorMsg", errorMsg),
        new TypeReference<JsonNode>() { });
  }

  /** Adds a rule after those in force; returns them all. */
  public List<Rule> addRule(Rule rule) {
    return call("POST", "/rules", rule, new TypeReference<>() { });
  }

  public void clearRules() {
    call("DELETE", "/rules", null, new TypeReference<JsonNode>() { });
  }

  /** Everything submitted since the last reset, oldest first. */
  public List<Submitted> submitted() {
    return call("GET", "/submitted", null, new TypeReference<>() { });
  }

  /** What was submitted of one task type. */
  public List<Submitted> submitted(String type) {
    return call("GET", "/submitted?type=" + URLEncoder.encode(type, StandardCharsets.UTF_8), null,
        new TypeReference<>() { });
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private <T> T call(String method, String path, Object body, TypeReference<T> answer) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + PATH + path)).timeout(Duration.ofSeconds(30));
      if (body == null) {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        b.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(method + " " + PATH + path + " answered " + r.statusCode() + ": " + r.body());
      }
      return json.readValue(r.body(), answer);
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + PATH + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + method + " " + PATH + path, e);
    }
  }
}
