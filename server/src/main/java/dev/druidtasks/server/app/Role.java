package dev.druidtasks.server.app;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a node runs: everything, or a worker only (no Tasks API). */
public enum Role {
  ALL("serve"),
  WORKER("worker");

  /** The command that starts a node of this role. */
  final String command;

  Role(String command) {
    this.command = command;
  }

  /** As {@code /status} and the configuration name it. */
  @JsonValue
  public String text() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
