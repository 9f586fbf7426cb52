package dev.druidtasks.server.store;

import java.sql.SQLException;

/**
 * The database refused a task's own data (PostgreSQL's SQL state class 22: a value out of range, a
 * byte it cannot store): retrying cannot help, so the task, not the loop, is at fault.
 */
public final class UnstorableDataException extends RuntimeException {
  private UnstorableDataException(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@code e} as an UnstorableDataException when the database refused the data itself, else {@code e}. */
  public static RuntimeException classify(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
        String first = sql.getMessage() == null ? sql.getSQLState() : sql.getMessage().lines().findFirst().orElse("");
        return new UnstorableDataException(first.replaceFirst("^ERROR: ", ""), e);
      }
    }
    return e;
  }
}
