package dev.druidtasks.server.metrics;

import dev.druidtasks.server.store.ActiveTaskCountDao;
import dev.druidtasks.server.store.ActiveTaskCountDao.ActiveTaskCount;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Druid's {@code task/running/count}, {@code task/pending/count} and {@code task/waiting/count} by
 * {@code dataSource}, and the queue's depth, read from the database at each scrape: one grouped count
 * over the partial index of active tasks, so every node reports the cluster's numbers, whichever node
 * runs or schedules the tasks, and nothing is lost across restarts. A data source seen once keeps
 * reporting 0 after its tasks end (up to {@link #KEPT_DATA_SOURCES}), so a series ends at 0 rather
 * than vanishing.
 */
public final class ActiveTaskGauges implements MultiCollector {
  static final int KEPT_DATA_SOURCES = 1_000;
  private static final Map<String, String> NAMES = Map.of(
      "RUNNING", "druid_task_running_count", "PENDING", "druid_task_pending_count",
      "WAITING", "druid_task_waiting_count");
  private static final Map<String, String> HELP = Map.of(
      "RUNNING", "Number of current running tasks.", "PENDING", "Number of current pending tasks.",
      "WAITING", "Number of current waiting tasks.");

  private final ActiveTaskCountDao counts;
  private final Set<String> seen = new LinkedHashSet<>();

  public ActiveTaskGauges(ActiveTaskCountDao counts) {
    this.counts = counts;
  }

  @Override
  public synchronized MetricSnapshots collect() {
    List<ActiveTaskCount> rows = counts.countActive();
    Map<String, Map<String, Long>> byState = new TreeMap<>();
    NAMES.keySet().forEach(state -> byState.put(state, new TreeMap<>()));
    for (ActiveTaskCount row : rows) {
      if (seen.size() < KEPT_DATA_SOURCES) {
        seen.add(row.dataSource());
      }
      byState.get(row.state()).merge(row.dataSource(), row.tasks(), Long::sum);
    }
    MetricSnapshots.Builder out = MetricSnapshots.builder();
    long queued = 0;
    for (var state : byState.entrySet()) {
      seen.forEach(ds -> state.getValue().putIfAbsent(ds, 0L));
      GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(NAMES.get(state.getKey())).help(HELP.get(state.getKey()));
      state.getValue().forEach((ds, n) -> gauge.dataPoint(point(n, Labels.of("dataSource", ds))));
      out.metricSnapshot(gauge.build());
      if (!state.getKey().equals("RUNNING")) {
        queued += state.getValue().values().stream().mapToLong(Long::longValue).sum();
      }
    }
    out.metricSnapshot(GaugeSnapshot.builder().name("druid_tasks_queue_depth")
        .help("Tasks submitted and not yet running: waiting for locks or pending for a worker slot.")
        .dataPoint(point(queued, Labels.EMPTY)).build());
    return out.build();
  }

  @Override
  public List<String> getPrometheusNames() {
    return Stream.concat(NAMES.values().stream(), Stream.of("druid_tasks_queue_depth")).toList();
  }

  private static GaugeDataPointSnapshot point(double value, Labels labels) {
    return GaugeDataPointSnapshot.builder().value(value).labels(labels).build();
  }
}
