package dev.druidtasks.server.metrics;

import com.codahale.metrics.MetricRegistry;
import dev.druidtasks.server.store.ActiveTaskCountDao;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.Servlet;

/**
 * The metrics of this node in Prometheus' text format, for {@code /metrics} on the admin port: Druid's
 * task metrics, this server's engine and HTTP metrics, the JVM's (Prometheus' standard {@code jvm_*}), and
 * every Dropwizard metric (Jetty, the database pool, the DAOs' timers), bridged under their Dropwizard names.
 */
public final class MetricsEndpoint {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final TaskMetrics taskMetrics;

  public MetricsEndpoint(MetricRegistry dropwizard, ActiveTaskCountDao activeCounts) {
    taskMetrics = new TaskMetrics(registry);
    registry.register(new ActiveTaskGauges(activeCounts));
    DropwizardExports.builder().dropwizardRegistry(dropwizard).register(registry);
    JvmMetrics.builder().register(registry);
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  /** What the engine's worker, scheduler and queue report to. */
  public TaskMetrics taskMetrics() {
    return taskMetrics;
  }

  public Servlet servlet() {
    return new PrometheusMetricsServlet(registry);
  }
}
