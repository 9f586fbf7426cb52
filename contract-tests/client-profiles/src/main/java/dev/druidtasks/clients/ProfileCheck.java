package dev.druidtasks.clients;

/** A check a call's answer must pass; throws {@link AssertionError} with what was wrong. */
@FunctionalInterface
interface ProfileCheck {
  /** Runs the call and checks its answer; returns what was seen, for the report. */
  String run() throws Exception;

  static void require(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError(what);
    }
  }
}
