package dev.druidtasks.reference.replay;

/** How much of two answers a replay step compares. */
public enum Comparison {
  /** Status code and media type only: bodies that legitimately differ (logs, service metadata). */
  STATUS,
  /** Also the JSON keys and value types, recursively; text bodies are not compared. */
  SHAPE,
  /** Also every string after normalisation, the sign of every number, and text bodies exactly. */
  FULL
}
