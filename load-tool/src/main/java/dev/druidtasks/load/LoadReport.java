package dev.druidtasks.load;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** What a run measured, as written to {@code --report} (JSON) and printed as a table. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"target", "scenario", "mode", "clients", "rate", "warmupSeconds", "durationSeconds",
    "measuredSeconds", "startedAt", "stoppedBy", "unsent", "setup", "operations", "total"})
public record LoadReport(
    String target,
    String scenario,
    /** {@code constant-rate} or {@code closed-loop}. */
    String mode,
    int clients,
    /** Requests per second asked for, all clients together; 0 in closed loop. */
    double rate,
    double warmupSeconds,
    double durationSeconds,
    double measuredSeconds,
    String startedAt,
    /** {@code duration}, {@code max-requests} or {@code deadline} (the target held requests past the hard stop). */
    String stoppedBy,
    /** Requests of the constant-rate schedule never sent because the target held the clients past the end. */
    long unsent,
    SetupReport setup,
    List<OperationReport> operations,
    OperationReport total) {

  /** What the run was prepared with. */
  public record SetupReport(String runId, int tasksCreated, int pollIds, int bulkIds, String dataSource) {}

  /** One operation's figures; latencies in milliseconds. */
  @JsonPropertyOrder({"name", "endpoint", "count", "errorCount", "errors", "throughputPerSecond", "latencyMs",
      "meanResponseBytes"})
  public record OperationReport(
      String name,
      String endpoint,
      long count,
      long errorCount,
      /** By HTTP status code, or {@code timeout}, {@code connect}, {@code io}. */
      Map<String, Long> errors,
      double throughputPerSecond,
      Latency latencyMs,
      long meanResponseBytes) {}

  @JsonPropertyOrder({"p50", "p90", "p99", "p999", "max", "mean"})
  public record Latency(double p50, double p90, double p99, double p999, double max, double mean) {
    static Latency of(Histogram h) {
      return h.getTotalCount() == 0 ? new Latency(0, 0, 0, 0, 0, 0)
          : new Latency(ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
              ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()),
              Math.round(h.getMean()) / 1000.0);
    }

    private static double ms(long micros) {
      return micros / 1000.0;
    }
  }

  static LoadReport of(LoadPlan plan, Instant startedAt, Fixture fixture, LoadRunner.Result result) {
    List<OperationReport> ops = new ArrayList<>();
    Histogram all = new Histogram(OperationStats.MAX_MICROS, 3);
    Map<String, Long> allErrors = new TreeMap<>();
    long allBytes = 0;
    for (var e : result.stats().entrySet()) {
      Histogram h = e.getValue().histogram();
      all.add(h);
      e.getValue().errors().forEach((k, v) -> allErrors.merge(k, v, Long::sum));
      allBytes += e.getValue().bytes();
      ops.add(operation(e.getKey().label(), e.getKey().endpoint(), h, e.getValue().errors(), e.getValue().bytes(),
          result.measuredSeconds()));
    }
    return new LoadReport(plan.target().toString(), plan.scenario().label(),
        plan.constantRate() ? "constant-rate" : "closed-loop", plan.clients(), plan.rate(),
        seconds(plan.warmup()), seconds(plan.duration()), round(result.measuredSeconds()), startedAt.toString(),
        result.stoppedBy(), result.unsent(),
        new SetupReport(fixture.runId(), fixture.tasksCreated(), fixture.pollIds().size(), fixture.bulkIds().size(),
            fixture.dataSource()),
        ops, operation("total", "", all, allErrors, allBytes, result.measuredSeconds()));
  }

  private static OperationReport operation(String name, String endpoint, Histogram h, Map<String, Long> errors,
      long bytes, double seconds) {
    long count = h.getTotalCount();
    return new OperationReport(name, endpoint, count, errors.values().stream().mapToLong(Long::longValue).sum(),
        errors, round(count / seconds), Latency.of(h), count == 0 ? 0 : bytes / count);
  }

  private static double seconds(java.time.Duration d) {
    return d.toMillis() / 1000.0;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
