package dev.druidtasks.server.metrics;

import dev.druidtasks.server.engine.EngineEvents;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;

/**
 * The engine's events as Druid's metrics, named as Druid's Prometheus emitter names them (its
 * {@code defaultMetrics.json}: {@code task/run/time} is a histogram of seconds by {@code dataSource} and
 * {@code taskType} with the emitter's buckets; {@code task/success/count} and {@code task/failed/count}
 * are counters by {@code dataSource}), plus this server's own: claims and scheduler steps.
 */
public final class TaskMetrics implements EngineEvents {
  /** The buckets Druid's emitter gives every timer, in seconds. */
  static final double[] DRUID_TIMER_BUCKETS = {.1, .25, .5, .75, 1, 2.5, 5, 7.5, 10, 30, 60, 120, 300};
  /** Database round trips: a millisecond to a few seconds. */
  private static final double[] QUERY_BUCKETS = {.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5};

  private final Histogram runTime;
  private final Counter succeeded;
  private final Counter failed;
  private final Histogram claimTime;
  private final Counter claimedTasks;
  private final Histogram schedulerStep;

  public TaskMetrics(PrometheusRegistry registry) {
    runTime = Histogram.builder().name("druid_task_run_time").help("Seconds taken to run a task.")
        .labelNames("dataSource", "taskType").classicOnly().classicUpperBounds(DRUID_TIMER_BUCKETS)
        .register(registry);
    succeeded = Counter.builder().name("druid_task_success_count").help("Number of successful tasks.")
        .labelNames("dataSource").register(registry);
    failed = Counter.builder().name("druid_task_failed_count").help("Number of failed tasks.")
        .labelNames("dataSource").register(registry);
    claimTime = Histogram.builder().name("druid_tasks_claim_seconds")
        .help("Seconds a worker's claim of pending tasks took in the database (claims with free slots).")
        .classicOnly().classicUpperBounds(QUERY_BUCKETS).register(registry);
    claimedTasks = Counter.builder().name("druid_tasks_claimed").help("Pending tasks claimed by this node's worker.")
        .register(registry);
    schedulerStep = Histogram.builder().name("druid_tasks_scheduler_step_seconds")
        .help("Seconds one step of the scheduler's loop took (promoting waiting tasks, reaping silent workers).")
        .classicOnly().classicUpperBounds(QUERY_BUCKETS).register(registry);
  }

  @Override
  public void taskEnded(String type, String dataSource, boolean success, Duration ran) {
    (success ? succeeded : failed).labelValues(dataSource).inc();
    if (ran != null) {
      runTime.labelValues(dataSource, type).observe(seconds(ran));
    }
  }

  @Override
  public void claimed(int wanted, int claimed, Duration took) {
    claimTime.observe(seconds(took));
    claimedTasks.inc(claimed);
  }

  @Override
  public void schedulerStepped(Duration took) {
    schedulerStep.observe(seconds(took));
  }

  static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
