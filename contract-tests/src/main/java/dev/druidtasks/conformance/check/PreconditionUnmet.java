package dev.druidtasks.conformance.check;

/** The state a case needs could not be made on this target: the case is skipped, not failed. */
public final class PreconditionUnmet extends RuntimeException {
  public PreconditionUnmet(String message) {
    super(message, null, false, false);
  }
}
