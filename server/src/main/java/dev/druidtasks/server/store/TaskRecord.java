package dev.druidtasks.server.store;

import dev.druidtasks.server.task.TaskLocation;
import dev.druidtasks.server.task.TaskState;
import dev.druidtasks.server.task.TaskStatusPlus;
import java.time.Instant;

/** A task's row without its payload: what lists, status and the engine read. */
public record TaskRecord(
    String id,
    String groupId,
    String type,
    String dataSource,
    Instant createdTime,
    Instant queueInsertionTime,
    TaskState state,
    long durationMs,
    String errorMsg,
    TaskLocation location,
    String workerId,
    boolean shutdownRequested) {

  public TaskStatusPlus toStatus() {
    return new TaskStatusPlus(id, groupId, type, createdTime, queueInsertionTime, state, durationMs, location,
        dataSource, errorMsg);
  }
}
