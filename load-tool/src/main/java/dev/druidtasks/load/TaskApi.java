package dev.druidtasks.load;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The requests of Druid's task API, as documented, against one target. */
final class TaskApi {
  static final String BASE = "/druid/indexer/v1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String root;
  private final Duration timeout;

  TaskApi(URI target, Duration timeout) {
    String t = target.toString();
    this.root = (t.endsWith("/") ? t.substring(0, t.length() - 1) : t) + BASE;
    this.timeout = timeout;
  }

  HttpRequest get(String pathAndQuery) {
    return builder(pathAndQuery).GET().build();
  }

  /** A noop task of Druid's shape, with an id of the caller's (unique per run). */
  HttpRequest submitNoop(String id, String dataSource, long runTimeMs) {
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("type", "noop");
    task.put("id", id);
    task.put("dataSource", dataSource);
    task.put("runTime", runTimeMs);
    return post("/task", task);
  }

  HttpRequest bulkStatus(List<String> ids) {
    return post("/taskStatus", ids);
  }

  private HttpRequest post(String path, Object body) {
    try {
      return builder(path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("request body of " + path + " cannot be written", e);
    }
  }

  private HttpRequest.Builder builder(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(root + pathAndQuery)).timeout(timeout)
        .header("Accept", "application/json");
  }

  /** The status answer's {@code status.statusCode} (RUNNING, SUCCESS, FAILED), or {@code unreadable}. */
  static String statusCode(String statusAnswer) {
    try {
      StatusAnswer a = JSON.readValue(statusAnswer, StatusAnswer.class);
      return a.status() == null || a.status().statusCode() == null ? "unreadable" : a.status().statusCode();
    } catch (JsonProcessingException e) {
      return "unreadable";
    }
  }

  /** The part of {@code GET /task/{id}/status} the tool reads. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record StatusAnswer(Status status) {
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Status(String statusCode) {}
  }

  static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
