package dev.druidtasks.server.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Noop throughput of a cluster (tasks completed per second) with 1, 2 and 4 workers of capacity 4
 * behind two API nodes, each a process of its own on one PostgreSQL, and the scaling ratio: a
 * measurement to read, not a timed assertion. Run by {@code server/bench/cluster-benchmark.sh}.
 */
public final class ClusterBenchmark {
  private ClusterBenchmark() {}

  public static void main(String[] args) throws Exception {
    int tasks = 1_000;
    long runTimeMs = 100;
    int capacity = 4;
    List<Integer> workerCounts = List.of(1, 2, 4);
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--tasks" -> tasks = Integer.parseInt(args[i + 1]);
        case "--run-time-ms" -> runTimeMs = Long.parseLong(args[i + 1]);
        case "--capacity" -> capacity = Integer.parseInt(args[i + 1]);
        case "--workers" -> workerCounts = Arrays.stream(args[i + 1].split(",")).map(Integer::valueOf).toList();
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + " (--tasks N, --run-time-ms N, --capacity N, --workers 1,2,4)");
      }
    }
    List<double[]> results = new ArrayList<>();
    for (int workers : workerCounts) {
      try (Cluster cluster = new Cluster(2, workers, capacity)) {
        cluster.awaitLeader(Duration.ofSeconds(30));
        cluster.awaitWorkersListed(cluster.api(0));
        String ds = "bench-" + workers;
        long t0 = System.nanoTime();
        try (Submitters load = new Submitters(cluster, ds, 8, tasks, runTimeMs, 0, Duration.ofMinutes(10))) {
          load.awaitDone();
          if (load.acknowledged.size() != tasks) {
            throw new IllegalStateException(load.acknowledged.size() + " of " + tasks + " submissions acknowledged");
          }
        }
        long submittedNs = System.nanoTime() - t0;
        cluster.awaitNoneActive(ds, Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - t0) / 1e9;
        long succeeded = cluster.tasksOf(ds).values().stream()
            .filter(t -> "SUCCESS".equals(t.get("statusCode").asText())).count();
        double perSecond = succeeded / seconds;
        results.add(new double[] {workers, perSecond});
        System.out.printf("%d worker(s) x %d slots: %d noops of %d ms, %d SUCCESS in %.1f s (submitted in %.1f s):"
            + " %.1f tasks/s (the slots' bound: %.1f/s)%n", workers, capacity, tasks, runTimeMs, succeeded, seconds,
            submittedNs / 1e9, perSecond, workers * capacity * 1000.0 / runTimeMs);
      }
    }
    double base = results.get(0)[1];
    StringBuilder line = new StringBuilder("scaling over " + (int) results.get(0)[0] + " worker(s):");
    for (double[] r : results) {
      line.append(String.format(" %d -> %.2fx", (int) r[0], r[1] / base));
    }
    System.out.println(line);
  }
}
