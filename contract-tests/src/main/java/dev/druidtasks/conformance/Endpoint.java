package dev.druidtasks.conformance;

import java.util.Optional;

/** The endpoints the suite checks, named by their OpenAPI operation ids. */
public enum Endpoint {
  GET_TASKS("getTasks", "GET", "/druid/indexer/v1/tasks"),
  GET_COMPLETE_TASKS("getCompleteTasks", "GET", "/druid/indexer/v1/completeTasks"),
  GET_RUNNING_TASKS("getRunningTasks", "GET", "/druid/indexer/v1/runningTasks"),
  GET_WAITING_TASKS("getWaitingTasks", "GET", "/druid/indexer/v1/waitingTasks"),
  GET_PENDING_TASKS("getPendingTasks", "GET", "/druid/indexer/v1/pendingTasks"),
  GET_TASK_PAYLOAD("getTaskPayload", "GET", "/druid/indexer/v1/task/{taskId}"),
  GET_TASK_STATUS("getTaskStatus", "GET", "/druid/indexer/v1/task/{taskId}/status"),
  GET_TASK_SEGMENTS("getTaskSegments", "GET", "/druid/indexer/v1/task/{taskId}/segments"),
  GET_TASK_LOG("getTaskLog", "GET", "/druid/indexer/v1/task/{taskId}/log"),
  GET_TASK_REPORTS("getTaskReports", "GET", "/druid/indexer/v1/task/{taskId}/reports"),
  SUBMIT_TASK("submitTask", "POST", "/druid/indexer/v1/task"),
  SHUTDOWN_TASK("shutdownTask", "POST", "/druid/indexer/v1/task/{taskId}/shutdown"),
  SHUTDOWN_ALL_TASKS("shutdownAllTasks", "POST", "/druid/indexer/v1/datasources/{dataSource}/shutdownAllTasks"),
  GET_TASK_STATUSES("getTaskStatuses", "POST", "/druid/indexer/v1/taskStatus"),
  DELETE_PENDING_SEGMENTS("deletePendingSegments", "DELETE", "/druid/indexer/v1/pendingSegments/{dataSource}"),
  GET_STATUS("getStatus", "GET", "/status"),
  GET_HEALTH("getHealth", "GET", "/status/health");

  private final String operationId;
  private final String method;
  private final String path;

  Endpoint(String operationId, String method, String path) {
    this.operationId = operationId;
    this.method = method;
    this.path = path;
  }

  public String operationId() {
    return operationId;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** {@code GET /druid/indexer/v1/tasks}. */
  public String display() {
    return method + " " + path;
  }

  /** By operation id ({@code getTasks}), enum name ({@code GET_TASKS}) or path (full, or after {@code /druid/indexer/v1}). */
  public static Optional<Endpoint> find(String name) {
    String n = name.trim();
    for (Endpoint e : values()) {
      if (e.operationId.equalsIgnoreCase(n) || e.name().equalsIgnoreCase(n.replace('-', '_'))
          || e.path.equals(n) || e.path.equals("/druid/indexer/v1" + n)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
