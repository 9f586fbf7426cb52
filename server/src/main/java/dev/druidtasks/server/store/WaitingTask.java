package dev.druidtasks.server.store;

/** A waiting task as the scheduler sees it; the intervals it must lock are rows of their own. */
public record WaitingTask(String id, String groupId, String dataSource) {}
