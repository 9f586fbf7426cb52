package dev.druidtasks.server.store;

/** Result of deleting pending segments: the count, or the active task that prevented it. */
public record PendingSegmentsDeletion(int numDeleted, String blockingTaskId) {}
