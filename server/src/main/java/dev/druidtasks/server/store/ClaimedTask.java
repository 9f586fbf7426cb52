package dev.druidtasks.server.store;

/** A pending task a worker has just taken, with the payload it needs to run it. */
public record ClaimedTask(String id, String groupId, String dataSource, String payloadJson) {}
