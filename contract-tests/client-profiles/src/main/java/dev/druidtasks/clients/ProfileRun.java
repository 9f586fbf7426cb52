package dev.druidtasks.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/** The calls of one profile run, in order; a failed call is recorded and the run goes on. */
final class ProfileRun {
  private final List<CallResult> results = new ArrayList<>();
  private final java.io.PrintStream out;
  private String profile = "";

  ProfileRun(java.io.PrintStream out) {
    this.out = out;
  }

  /** The profile whose calls follow. */
  void profile(String name) {
    this.profile = name;
  }

  /** A call that must pass. */
  boolean call(String call, String request, ProfileCheck check) {
    return record(call, request, check, t -> false, null);
  }

  /**
   * A call the client itself cannot complete on Druid: it counts as a quirk when it fails the way
   * {@code knownFailure} describes, and as a pass should the client get through.
   */
  boolean quirk(String call, String request, ProfileCheck check, Predicate<Throwable> knownFailure, String quirk) {
    return record(call, request, check, knownFailure, quirk);
  }

  List<CallResult> results() {
    return List.copyOf(results);
  }

  private boolean record(String call, String request, ProfileCheck check, Predicate<Throwable> knownFailure,
      String quirk) {
    long start = System.nanoTime();
    CallOutcome outcome;
    String detail;
    try {
      detail = check.run();
      outcome = CallOutcome.PASS;
    } catch (Throwable t) {
      Throwable cause = rootOf(t);
      outcome = knownFailure.test(cause) ? CallOutcome.QUIRK : CallOutcome.FAIL;
      detail = (outcome == CallOutcome.QUIRK ? quirk + ": " : "") + describe(cause);
      if (t instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
    CallResult r = new CallResult(profile, call, request, outcome, detail, (System.nanoTime() - start) / 1_000_000);
    results.add(r);
    out.printf("%-5s %-18s %-62s %s%n", r.outcome(), r.profile(), r.call(), oneLine(r.detail()));
    return outcome != CallOutcome.FAIL;
  }

  /** Druid's futures wrap the client's exception in an ExecutionException (and sometimes in a RuntimeException). */
  static Throwable rootOf(Throwable t) {
    Throwable c = t;
    while ((c instanceof ExecutionException || c.getClass() == RuntimeException.class) && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  private static String describe(Throwable t) {
    if (t instanceof org.apache.druid.rpc.HttpResponseException e) {
      return "HTTP " + e.getResponse().getStatus().getCode() + ": " + e.getResponse().getContent();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  private static String oneLine(String s) {
    String line = s == null ? "" : s.replaceAll("\\s+", " ");
    return line.length() > 160 ? line.substring(0, 157) + "..." : line;
  }
}
