package dev.druidtasks.server.task;

/** A submitted task that cannot be accepted; the message says what was wrong, for the user. */
public class InvalidTaskException extends Exception {
  public InvalidTaskException(String message) {
    super(message);
  }
}
