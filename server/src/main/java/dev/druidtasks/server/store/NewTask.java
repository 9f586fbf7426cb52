package dev.druidtasks.server.store;

import java.time.Instant;

/** What is stored on submission. {@code lockIntervals} is a JSON array of ISO intervals. */
public record NewTask(
    String id,
    String groupId,
    String type,
    String dataSource,
    Instant createdTime,
    String payloadJson,
    String lockIntervalsJson) {}
