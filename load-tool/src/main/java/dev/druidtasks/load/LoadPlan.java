package dev.druidtasks.load;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A run as asked for. {@code rate} is the total requests per second of all clients (constant-rate,
 * latencies from each request's intended start); 0 means closed loop (each client sends its next
 * request when the last answered).
 */
record LoadPlan(
    URI target,
    Scenario scenario,
    int clients,
    Duration duration,
    double rate,
    long maxRequests,
    Duration warmup,
    Duration requestTimeout,
    Duration setupTimeout,
    int setupTasks,
    int bulkIds,
    String dataSource,
    Map<String, Integer> mix,
    long runTimeMs,
    Duration pollInterval) {

  boolean constantRate() {
    return rate > 0;
  }

  /** After it nothing is sent: the run's end, plus one request timeout to drain a backlog the target caused. */
  Duration drain() {
    return requestTimeout;
  }
}
