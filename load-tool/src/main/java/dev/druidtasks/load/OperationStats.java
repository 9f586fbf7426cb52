package dev.druidtasks.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The measured requests of one operation, written by every client at once: latencies in a
 * recorder (microseconds, 3 significant digits, up to an hour), failures by status code or by
 * {@code timeout}/{@code connect}/{@code io}.
 */
final class OperationStats {
  static final long MAX_MICROS = TimeUnit.HOURS.toMicros(1);

  private final Recorder latencies = new Recorder(MAX_MICROS, 3);
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final LongAdder bytes = new LongAdder();

  /** Every measured attempt counts in the latencies, failed ones too: a failure also took that long. */
  void record(long latencyNanos, String error, long responseBytes) {
    latencies.recordValue(Math.max(1, Math.min(MAX_MICROS, latencyNanos / 1_000)));
    if (error != null) {
      errors.computeIfAbsent(error, e -> new LongAdder()).increment();
    }
    bytes.add(responseBytes);
  }

  /** Everything recorded so far; called once, after the clients stopped. */
  Histogram histogram() {
    return latencies.getIntervalHistogram();
  }

  Map<String, Long> errors() {
    Map<String, Long> out = new TreeMap<>();
    errors.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  long bytes() {
    return bytes.sum();
  }
}
