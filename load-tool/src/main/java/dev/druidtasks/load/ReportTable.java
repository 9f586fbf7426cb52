package dev.druidtasks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The report as a table for a terminal: one row an operation, latencies in milliseconds. */
final class ReportTable {
  private static final String ROW = "%-26s %8s %8s %10s %9s %9s %9s %9s  %s%n";

  private ReportTable() {}

  static String render(LoadReport r) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%s %s against %s: %d clients, %s, %.1f s measured (after %.1f s warm-up), stopped by %s%n",
        r.scenario(), r.mode(), r.target(), r.clients(),
        r.rate() > 0 ? String.format("%.1f req/s asked", r.rate()) : "as fast as answered",
        r.measuredSeconds(), r.warmupSeconds(), r.stoppedBy()));
    if (r.unsent() > 0) {
      out.append(String.format("%d scheduled requests were never sent: the target held the clients past the end%n",
          r.unsent()));
    }
    out.append(String.format(ROW, "operation", "count", "errors", "req/s", "p50", "p90", "p99", "max", "errors by code"));
    List<LoadReport.OperationReport> rows = new ArrayList<>(r.operations());
    if (rows.size() > 1) {
      rows.add(r.total());
    }
    for (LoadReport.OperationReport o : rows) {
      out.append(String.format(ROW, o.name(), o.count(), o.errorCount(), String.format("%.1f", o.throughputPerSecond()),
          ms(o.latencyMs().p50()), ms(o.latencyMs().p90()), ms(o.latencyMs().p99()), ms(o.latencyMs().max()),
          o.errors().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "))));
    }
    return out.toString();
  }

  private static String ms(double v) {
    return v >= 100 ? String.format("%.0f", v) : v >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
  }
}
