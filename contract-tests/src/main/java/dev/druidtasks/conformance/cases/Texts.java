package dev.druidtasks.conformance.cases;

/** Exact texts of the API's answers (BEHAVIOR.md). */
final class Texts {
  static final String SHUTDOWN_ERROR_MSG = "Shutdown request from user";
  static final String NO_LOG =
      "No log was found for this task. The task may not exist, or it may not have begun running yet.";
  static final String NO_REPORTS =
      "No task reports were found for this task. The task may not exist, or it may not have completed yet.";
  static final String ISO_MILLIS_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

  private Texts() {}

  static String unknownTask(String id) {
    return "Cannot find any task with id: [" + id + "]";
  }

  static String invalidState(String state) {
    return "Invalid task state[" + state + "]. Must be one of [pending, waiting, running, complete].";
  }
}
