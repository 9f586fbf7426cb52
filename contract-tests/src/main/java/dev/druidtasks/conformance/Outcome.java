package dev.druidtasks.conformance;

/** How a case ended (the OCI conformance vocabulary). */
public enum Outcome {
  /** Every check held. */
  PASS,
  /** A check failed, or the target misbehaved. */
  FAIL,
  /** Not run: a capability is turned off, or the state the case needs could not be made. */
  SKIP,
  /** Not run: its tags were not selected. */
  DISABLED
}
