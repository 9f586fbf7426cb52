package dev.druidtasks.server.store;

import dev.druidtasks.server.task.TaskState;
import java.time.Instant;
import java.util.Set;

/**
 * Filters of a task list. Null fields do not filter. {@code createdFrom/createdTo} bound
 * createdTime to [from, to) for every task; {@code completeCreatedFrom} further bounds the complete
 * part only (Druid's "recently finished" window); {@code maxComplete} limits the complete part.
 */
public record TaskListQuery(
    Set<TaskState> states,
    String dataSource,
    String type,
    Instant createdFrom,
    Instant createdTo,
    Instant completeCreatedFrom,
    Integer maxComplete) {}
