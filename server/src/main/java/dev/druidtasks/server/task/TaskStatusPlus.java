package dev.druidtasks.server.task;

import java.time.Instant;

/** One task as the list and status endpoints show it. */
public record TaskStatusPlus(
    String id,
    String groupId,
    String type,
    Instant createdTime,
    Instant queueInsertionTime,
    TaskState state,
    long duration,
    TaskLocation location,
    String dataSource,
    String errorMsg) {}
