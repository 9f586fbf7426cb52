package dev.druidtasks.server.task;

/** A time-chunk lock that a running task asked for and could not get. */
public class TaskLockException extends Exception {
  public TaskLockException(String message) {
    super(message);
  }
}
