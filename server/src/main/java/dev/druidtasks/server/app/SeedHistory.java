package dev.druidtasks.server.app;

import dev.druidtasks.server.store.SeededTask;
import dev.druidtasks.server.task.ErrorMessages;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.TaskIds;
import dev.druidtasks.server.task.TaskLocation;
import dev.druidtasks.server.task.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The lives of seeded tasks, oldest first and evenly spread over the span: which type and data
 * source, queued and run how long, on which worker, and how they ended. Task {@code i} of a given
 * random seed is always the same but for its id's random letters.
 */
final class SeedHistory {
  /** A kind of task: its share of all, how long it usually runs, how often and how it fails. */
  private record Kind(String type, int weight, Duration typicalRun, double failureRate, List<String> errors,
      int daysBackMin, int daysBackMax) {}

  private static final String WORKER_LOST = ErrorMessages.workerLost("%s");
  private static final List<Kind> KINDS = List.of(
      new Kind("index_parallel", 50, Duration.ofSeconds(90), 0.08, List.of(WORKER_LOST,
          "Max parse exceptions[0] exceeded",
          "java.io.IOException: No space left on device",
          "Failed to publish segments because of [java.lang.RuntimeException: Aborting transaction!].",
          "java.lang.OutOfMemoryError: Java heap space",
          "Unparseable timestamp found! Event: {timestamp=2O24-13-45, channel=#en.wikipedia, page=Main_Page,"
              + " user=127.0.0.1, bytes=abc}"), 1, 1),
      new Kind("index", 10, Duration.ofSeconds(40), 0.06, List.of(WORKER_LOST,
          "Max parse exceptions[0] exceeded",
          "java.lang.OutOfMemoryError: Java heap space"), 1, 1),
      new Kind("compact", 20, Duration.ofSeconds(150), 0.05, List.of(WORKER_LOST,
          "No segments found for compaction. Please check that datasource name and interval are correct."), 2, 9),
      new Kind("kill", 10, Duration.ofSeconds(4), 0.03, List.of(ErrorMessages.WORKER_UNREGISTERED), 30, 120),
      new Kind("noop", 10, Duration.ofMillis(2500), 0.01, List.of(WORKER_LOST), 0, 0));
  private static final int WEIGHTS = KINDS.stream().mapToInt(Kind::weight).sum();
  /** Of the failures, this many are a user's shutdown, half of them before the task started. */
  private static final double SHUTDOWN_SHARE = 0.3;
  private static final int WORKERS = 4;
  private static final int WORKER_PORT = 8888;

  private final SeedPayloads payloads;
  private final List<SeedDataSource> dataSources;
  private final double[] dataSourceShare;
  private final long startMillis;
  private final double stepMillis;
  private final SplittableRandom random;

  SeedHistory(SeedPayloads payloads, List<SeedDataSource> dataSources, Instant end, Duration span, long count,
      long randomSeed) {
    this.payloads = payloads;
    this.dataSources = dataSources;
    this.startMillis = end.minus(span).toEpochMilli();
    this.stepMillis = (double) span.toMillis() / Math.max(1, count);
    this.random = new SplittableRandom(randomSeed);
    // a few data sources are much busier than the rest, as in most clusters: weight 1/(rank+1)
    dataSourceShare = new double[dataSources.size()];
    double sum = 0;
    for (int i = 0; i < dataSourceShare.length; i++) {
      sum += 1.0 / (i + 1);
      dataSourceShare[i] = sum;
    }
    for (int i = 0; i < dataSourceShare.length; i++) {
      dataSourceShare[i] /= sum;
    }
  }

  /** Task {@code i}: call in order 0, 1, 2, …; creation times increase with {@code i}. */
  SeededTask task(long i) {
    Instant created = Instant.ofEpochMilli(startMillis + (long) (i * stepMillis + random.nextDouble() * stepMillis / 2));
    Kind kind = kind();
    SeedDataSource ds = dataSource();
    SeedPayloads.Template template = payloads.of(kind.type(), ds);
    LocalDate day = LocalDate.ofInstant(created, ZoneOffset.UTC)
        .minusDays(kind.daysBackMin() + random.nextInt(kind.daysBackMax() - kind.daysBackMin() + 1));
    String id = id(kind.type(), template.dataSource(), day, created);

    Instant started = created.plusMillis(Math.min(600_000, lognormal(300, 1.0)));
    long runMs = kind.type().equals("noop") ? kind.typicalRun().toMillis() + 2 + random.nextInt(30)
        : lognormal(kind.typicalRun().toMillis(), 0.8);
    String worker = "druid-worker-" + (1 + random.nextInt(WORKERS)) + ".internal";
    TaskLocation location = new TaskLocation(worker, WORKER_PORT, -1);
    String workerId = worker + ":" + WORKER_PORT;

    if (random.nextDouble() >= kind.failureRate()) {
      return new SeededTask(id, id, kind.type(), template.dataSource(), template.priority(), created,
          TaskState.SUCCESS, runMs, null, location, workerId, started, started.plusMillis(runMs), false,
          template.payloadFor(id, day));
    }
    if (random.nextDouble() < SHUTDOWN_SHARE) {
      boolean beforeStart = random.nextBoolean();
      // Druid keeps -1 as the duration of a task stopped on request
      return new SeededTask(id, id, kind.type(), template.dataSource(), template.priority(), created,
          TaskState.FAILED, -1, ErrorMessages.SHUTDOWN, beforeStart ? TaskLocation.UNKNOWN : location,
          beforeStart ? null : workerId, beforeStart ? null : started,
          beforeStart ? started : started.plusMillis(runMs / 2), !beforeStart, template.payloadFor(id, day));
    }
    String error = kind.errors().get(random.nextInt(kind.errors().size()));
    long failedAfter = 1 + (long) (runMs * random.nextDouble());
    return new SeededTask(id, id, kind.type(), template.dataSource(), template.priority(), created,
        TaskState.FAILED, failedAfter, ErrorMessages.truncate(error.replace("%s", workerId)), location, workerId,
        started, started.plusMillis(failedAfter), false, template.payloadFor(id, day));
  }

  private Kind kind() {
    int pick = random.nextInt(WEIGHTS);
    for (Kind k : KINDS) {
      pick -= k.weight();
      if (pick < 0) {
        return k;
      }
    }
    throw new IllegalStateException("weights do not add up");
  }

  private SeedDataSource dataSource() {
    double pick = random.nextDouble();
    for (int i = 0; i < dataSourceShare.length; i++) {
      if (pick < dataSourceShare[i]) {
        return dataSources.get(i);
      }
    }
    return dataSources.get(dataSources.size() - 1);
  }

  /** Ids in the shapes the server gives tasks submitted without one. */
  private static String id(String type, String dataSource, LocalDate day, Instant created) {
    return switch (type) {
      case "noop" -> TaskIds.generateNoop(created);
      case "kill" -> TaskIds.generate(type, dataSource, new Interval(day.atStartOfDay(ZoneOffset.UTC).toInstant(),
          day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()), created);
      default -> TaskIds.generate(type, dataSource, created);
    };
  }

  /** A log-normal duration in milliseconds around {@code median}: most near it, a long tail of slow ones. */
  private long lognormal(double median, double sigma) {
    return Math.max(1, Math.round(median * Math.exp(sigma * gaussian())));
  }

  private double gaussian() {
    // Box–Muller: SplittableRandom has no nextGaussian on Java 17
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
