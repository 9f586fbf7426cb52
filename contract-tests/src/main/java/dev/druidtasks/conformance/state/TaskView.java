package dev.druidtasks.conformance.state;

import com.fasterxml.jackson.databind.JsonNode;

/** The fields of a TaskStatusPlus the suite reasons about, plus the raw object. */
public record TaskView(
    String id,
    String type,
    String dataSource,
    String statusCode,
    String runnerStatusCode,
    long duration,
    String errorMsg,
    String createdTime,
    JsonNode raw) {

  public static TaskView of(JsonNode s) {
    return new TaskView(s.path("id").asText(null), s.path("type").asText(null), s.path("dataSource").asText(null),
        s.path("statusCode").asText(null), s.path("runnerStatusCode").asText(null), s.path("duration").asLong(-1),
        s.path("errorMsg").isNull() ? null : s.path("errorMsg").asText(null), s.path("createdTime").asText(null), s);
  }

  public boolean active() {
    return "RUNNING".equals(statusCode);
  }

  public boolean complete() {
    return "SUCCESS".equals(statusCode) || "FAILED".equals(statusCode);
  }

  @Override
  public String toString() {
    return id + " " + statusCode + "/" + runnerStatusCode + " duration=" + duration
        + (errorMsg == null ? "" : " errorMsg=" + errorMsg);
  }
}
