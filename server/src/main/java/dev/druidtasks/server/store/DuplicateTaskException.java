package dev.druidtasks.server.store;

/** A task with the same id is already stored (active or complete). */
public class DuplicateTaskException extends Exception {
  public DuplicateTaskException(String id) {
    super("Task[" + id + "] already exists");
  }
}
