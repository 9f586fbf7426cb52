package dev.druidtasks.reference.replay;

import dev.druidtasks.conformance.http.ApiRequest;
import java.util.function.Function;

/** One thing a replay does on both targets in turn: send a request and compare, or wait for a task to end. */
public sealed interface ReplayStep {
  /**
   * A request built from each target's own symbols; the answers are compared.
   *
   * @param capture when not null, the answer's {@code task} field becomes this symbol on each target
   */
  record Send(String id, Comparison comparison, Function<Symbols, ApiRequest> request, String capture)
      implements ReplayStep {}

  /** Waits until the task a symbol names is complete, on each target. */
  record AwaitComplete(String symbol) implements ReplayStep {}

  /** Waits until the task a symbol names is past WAITING (queued for a slot, or further), on each target. */
  record AwaitQueued(String symbol) implements ReplayStep {}
}
