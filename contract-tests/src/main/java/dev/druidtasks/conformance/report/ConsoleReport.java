package dev.druidtasks.conformance.report;

import dev.druidtasks.conformance.CaseResult;
import dev.druidtasks.conformance.ConformanceOptions;
import dev.druidtasks.conformance.ConformanceResult;
import dev.druidtasks.conformance.Endpoint;
import dev.druidtasks.conformance.Outcome;
import dev.druidtasks.conformance.Tag;
import java.io.PrintStream;
import java.util.stream.Collectors;

/**
 * Progress on the console: a line per case as it ends, the reason and a reproducing curl for
 * failures, a table per endpoint, and last the line {@code N passed, M failed[, K skipped]}.
 */
public final class ConsoleReport {
  private final PrintStream out;

  public ConsoleReport(PrintStream out) {
    this.out = out;
  }

  public void header(ConformanceOptions o, String specSource, String idPrefix) {
    if (out == null) {
      return;
    }
    out.println("Conformance of " + o.target() + " (spec " + specSource + ", task ids " + idPrefix + "*)");
    if (!o.capabilitiesOff().isEmpty()) {
      out.println("capabilities off: " + o.capabilitiesOff().stream().map(c -> c.label()).sorted()
          .collect(Collectors.joining(",")));
    }
  }

  public void caseDone(CaseResult r) {
    if (out == null) {
      return;
    }
    out.println(line(r));
    if (r.outcome() == Outcome.FAIL) {
      out.println("      reason: " + r.reason());
      if (!r.curl().isEmpty()) {
        out.println("      reproduce: " + r.curl());
      }
      if (r.docOnly()) {
        out.println("      (doc-only case: Druid 33 is known to differ here)");
      }
    } else if (r.outcome() == Outcome.SKIP) {
      out.println("      " + r.reason());
    }
    out.flush();
  }

  /** {@code PASS      tasks.max  GET /druid/indexer/v1/tasks  [doc,druid]  (12 ms)}. */
  public static String line(CaseResult r) {
    return String.format("%-9s %s  %s  [%s]  (%d ms)", r.outcome(), r.id(), r.endpoint().display(),
        r.tags().stream().map(Tag::label).sorted().collect(Collectors.joining(",")), r.elapsed().toMillis());
  }

  public void summary(ConformanceResult result) {
    if (out == null) {
      return;
    }
    Tally tally = Tally.of(result.cases());
    out.println();
    out.println(String.format("%-62s %5s %5s %5s  %-14s %-14s %-14s", "endpoint", "pass", "fail", "skip",
        "doc+druid p/f/s", "doc only", "druid only"));
    for (Endpoint e : Endpoint.values()) {
      if (!tally.counts().containsKey(e)) {
        continue;
      }
      out.println(String.format("%-62s %5d %5d %5d  %-14s %-14s %-14s", e.display(), tally.count(e, Outcome.PASS),
          tally.count(e, Outcome.FAIL), tally.count(e, Outcome.SKIP), tally.cell(e, Tally.TagSet.BOTH),
          tally.cell(e, Tally.TagSet.DOC), tally.cell(e, Tally.TagSet.DRUID)));
    }
    long docOnlyFails = result.cases().stream().filter(c -> c.outcome() == Outcome.FAIL && c.docOnly()).count();
    if (docOnlyFails > 0) {
      out.println(docOnlyFails + " of the failures are doc-only cases (known divergences of Druid 33 from its doc)");
    }
    if (result.count(Outcome.DISABLED) > 0) {
      out.println(result.count(Outcome.DISABLED) + " cases disabled (tags or --only not selected)");
    }
    out.println("took " + result.elapsed().toSeconds() + " s");
    out.println(result.summaryLine());
    out.flush();
  }
}
