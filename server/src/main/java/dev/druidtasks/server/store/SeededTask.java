package dev.druidtasks.server.store;

import dev.druidtasks.server.task.TaskLocation;
import dev.druidtasks.server.task.TaskState;
import java.time.Instant;

/**
 * A complete task written straight into the database, with every column its life would have left:
 * {@code location}, {@code workerId} and {@code startedTime} are unknown/null for a task that never ran.
 */
public record SeededTask(
    String id,
    String groupId,
    String type,
    String dataSource,
    int priority,
    Instant createdTime,
    TaskState state,
    long durationMs,
    String errorMsg,
    TaskLocation location,
    String workerId,
    Instant startedTime,
    Instant completedTime,
    boolean shutdownRequested,
    String payloadJson) {

  public SeededTask {
    if (state.isActive()) {
      throw new IllegalArgumentException("a seeded task is complete, not " + state);
    }
  }
}
