package dev.druidtasks.server.store;

import java.time.Instant;

/** What a task list filters on besides the state; a null field does not filter. createdTime lies in [from, to). */
public record TaskFilter(String dataSource, String type, Instant from, Instant to) {
  /** The statement's filter clauses: only those of the fields set, so each shape gets its own plan. */
  String sql() {
    return (dataSource == null ? "" : TaskReadDao.BY_DATASOURCE) + (type == null ? "" : TaskReadDao.BY_TYPE)
        + (from == null ? "" : TaskReadDao.CREATED_FROM) + (to == null ? "" : TaskReadDao.CREATED_TO);
  }

  /** The same filter with createdTime from {@code from} on. */
  public TaskFilter startingAt(Instant newFrom) {
    return new TaskFilter(dataSource, type, newFrom, to);
  }
}
