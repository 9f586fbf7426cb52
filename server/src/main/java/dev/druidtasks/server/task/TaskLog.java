package dev.druidtasks.server.task;

/** A task's own log, served by {@code GET /task/{id}/log} while it runs and after. */
public interface TaskLog {
  void info(String message);

  void warn(String message);

  void error(String message);
}
