package dev.druidtasks.server.store;

/** A waiting task as the scheduler sees it: what it must lock to become pending. */
public record WaitingTask(String id, String groupId, String dataSource, String lockIntervalsJson) {}
