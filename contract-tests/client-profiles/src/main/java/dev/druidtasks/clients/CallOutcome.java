package dev.druidtasks.clients;

/** How one client call went. */
public enum CallOutcome {
  /** The client got the answer Druid's own callers rely on. */
  PASS,
  /** The client failed, or got an answer its callers would misread. */
  FAIL,
  /** The client fails the way it fails on Druid itself: a known quirk of the client, not of the target. */
  QUIRK
}
