package dev.druidtasks.server.app;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/** What a node runs: everything, or a worker only (no Tasks API unless it also schedules). */
public enum Role {
  ALL("serve", Map.of()),
  /** A worker leads no scheduler unless asked ({@code --scheduler}). */
  WORKER("worker", Map.of("DRUID_TASKS_SCHEDULER", "false"));

  /** The command that starts a node of this role. */
  final String command;
  /** Its own defaults of the bundled configuration's variables, used when neither flag nor environment sets one. */
  final Map<String, String> defaults;

  Role(String command, Map<String, String> defaults) {
    this.command = command;
    this.defaults = defaults;
  }

  /** As {@code /status} and the configuration name it. */
  @JsonValue
  public String text() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
