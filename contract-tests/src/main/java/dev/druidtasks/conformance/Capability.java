package dev.druidtasks.conformance;

import java.util.Locale;

/** Groups of behaviour a target may lack; turning one off skips its cases. */
public enum Capability {
  CORE,
  LOGS,
  REPORTS,
  SEGMENTS,
  INGESTION,
  LOCKS;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Capability parse(String s) {
    return valueOf(s.trim().toUpperCase(Locale.ROOT));
  }
}
