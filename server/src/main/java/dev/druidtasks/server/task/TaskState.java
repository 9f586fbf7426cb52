package dev.druidtasks.server.task;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a task is in its life; the first three are "active" and show as statusCode RUNNING. */
public enum TaskState {
  WAITING,
  PENDING,
  RUNNING,
  SUCCESS,
  FAILED;

  public boolean isActive() {
    return this == WAITING || this == PENDING || this == RUNNING;
  }

  public boolean isComplete() {
    return !isActive();
  }

  /** statusCode / status as Druid reports them: RUNNING for every active state. */
  public String statusCode() {
    return isActive() ? "RUNNING" : name();
  }

  /** runnerStatusCode as Druid reports it: the active state, or NONE once complete. */
  public String runnerStatusCode() {
    return isActive() ? name() : "NONE";
  }

  public static Optional<TaskState> parse(String text) {
    return text == null ? Optional.empty()
        : Arrays.stream(values()).filter(s -> s.name().equals(text.toUpperCase(Locale.ROOT))).findFirst();
  }
}
