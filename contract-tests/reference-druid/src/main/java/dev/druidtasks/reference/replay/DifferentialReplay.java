package dev.druidtasks.reference.replay;

import dev.druidtasks.conformance.http.ApiRequest;
import dev.druidtasks.conformance.http.Exchange;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the same request sequence to a reference (a real Druid) and to a target, each request to
 * both in turn, and compares the answers after normalising ids and times ({@link Symbols}).
 */
public final class DifferentialReplay {
  private DifferentialReplay() {}

  /**
   * Both targets must have the same number of worker slots: the states are made the same way on
   * each, and lists would differ otherwise.
   */
  public static ReplayResult run(URI reference, URI target, Duration timeout) {
    ReplayTarget ref = new ReplayTarget(reference, timeout);
    ReplayTarget tgt = new ReplayTarget(target, timeout);
    try {
      ref.prepare();
      tgt.prepare();
      if (ref.busySlots() != tgt.busySlots()) {
        throw new IllegalStateException("the reference runs " + ref.busySlots() + " tasks at once and the target "
            + tgt.busySlots() + ": give them the same capacity");
      }
      List<ReplayResult.StepResult> results = new ArrayList<>();
      for (ReplayStep step : ReplayScript.steps()) {
        if (step instanceof ReplayStep.Send send) {
          results.add(compare(send, ref, tgt));
        } else if (step instanceof ReplayStep.AwaitComplete await) {
          ref.awaitComplete(await.symbol());
          tgt.awaitComplete(await.symbol());
        } else if (step instanceof ReplayStep.AwaitQueued await) {
          ref.awaitQueued(await.symbol());
          tgt.awaitQueued(await.symbol());
        }
      }
      return new ReplayResult(List.copyOf(results));
    } finally {
      ref.cleanUp();
      tgt.cleanUp();
    }
  }

  private static ReplayResult.StepResult compare(ReplayStep.Send send, ReplayTarget ref, ReplayTarget tgt) {
    ApiRequest refRequest = send.request().apply(ref.symbols());
    Exchange a = ref.send(refRequest);
    Exchange b = tgt.send(send.request().apply(tgt.symbols()));
    List<String> differences = AnswerDiff.between(a.response(), ref.symbols(), b.response(), tgt.symbols(),
        send.comparison());
    if (send.capture() != null) {
      ref.capture(send.capture(), a);
      tgt.capture(send.capture(), b);
    }
    String line = ref.symbols().normalise(refRequest.method() + " " + java.net.URLDecoder.decode(refRequest.target(),
        java.nio.charset.StandardCharsets.UTF_8));
    return new ReplayResult.StepResult(send.id(), line, a.status(), b.status(), differences);
  }
}
