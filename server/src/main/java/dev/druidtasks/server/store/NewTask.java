package dev.druidtasks.server.store;

import dev.druidtasks.server.task.Interval;
import java.time.Instant;
import java.util.List;

/** What is stored on submission; the task must lock {@code lockIntervals} before it becomes pending. */
public record NewTask(
    String id,
    String groupId,
    String type,
    String dataSource,
    int priority,
    Instant createdTime,
    String payloadJson,
    List<Interval> lockIntervals) {}
