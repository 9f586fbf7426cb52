package dev.druidtasks.server.task;

import java.util.List;

/** How a task ended; segments of a success are published atomically with its status. */
public record TaskResult(boolean succeeded, String errorMsg, List<DataSegment> segments) {
  public TaskResult {
    segments = List.copyOf(segments);
  }

  public static TaskResult success() {
    return new TaskResult(true, null, List.of());
  }

  public static TaskResult success(List<DataSegment> segments) {
    return new TaskResult(true, null, segments);
  }

  public static TaskResult failure(String errorMsg) {
    return new TaskResult(false, errorMsg, List.of());
  }
}
