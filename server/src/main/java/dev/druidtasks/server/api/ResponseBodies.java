package dev.druidtasks.server.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.druidtasks.server.store.TaskRecord;
import dev.druidtasks.server.task.TaskLocation;

/** The small JSON answers of the Tasks API, in Druid's key order. */
final class ResponseBodies {
  private ResponseBodies() {}

  /** JSON stored as text, served as it is. */
  record RawJson(@JsonValue @JsonRawValue String json) {}

  record TaskId(String task) {}

  record TaskPayload(String task, RawJson payload) {}

  record TaskStatusPlus(String task, TaskRecord status) {}

  /** The shorter TaskStatus of {@code POST /taskStatus}. */
  record TaskStatus(String id, String status, long duration, String errorMsg, TaskLocation location) {
    static TaskStatus of(TaskRecord r) {
      return new TaskStatus(r.id(), r.state().statusCode(), r.durationMs(), r.errorMsg(), r.location());
    }
  }

  record DataSourceShutdown(String dataSource) {}

  record PendingSegmentsDeleted(int numDeleted) {}
}
