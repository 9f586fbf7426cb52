package dev.druidtasks.conformance.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.conformance.check.CaseFailure;
import dev.druidtasks.conformance.check.Expect;
import dev.druidtasks.conformance.check.PreconditionUnmet;
import dev.druidtasks.conformance.http.ApiRequest;
import dev.druidtasks.conformance.http.Exchange;
import dev.druidtasks.fixtures.RowGenerator;
import dev.druidtasks.fixtures.TaskSpecs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tasks one run makes and shares between cases, made on first use: a set of complete noops,
 * a saturated target (every slot busy, one task pending), a task waiting for a lock, a finished
 * ingestion. Remembers every task it started so that {@link #cleanUp} can stop them.
 */
public final class SuiteState {
  /** Interval of the inline ingestion rows. */
  public static final String INGEST_INTERVAL = "2015-09-12T00:00:00.000Z/2015-09-13T00:00:00.000Z";
  /** How long a noop waits before it counts as settled in PENDING. */
  private static final Duration PENDING_SETTLE = Duration.ofSeconds(3);
  private static final int MAX_SATURATION_TASKS = 64;

  private final RunIds ids = new RunIds();
  private final Set<String> created = new LinkedHashSet<>();
  private final long longRunMs;
  private CompletedSet completed;
  private Saturation saturation;
  private WaitingPair waiting;
  private String ingested;

  /** Three complete noops: two in {@code dataSource} (oldest first) and one in {@code otherDataSource}. */
  public record CompletedSet(String dataSource, List<String> ids, String otherDataSource, String otherId,
      Map<String, TaskView> views) {}

  /** Every worker slot the suite could see holds one of {@code running}; {@code pending} waits for a slot. */
  public record Saturation(String dataSource, List<String> running, String pending) {}

  /** {@code holder} has the lock on the interval; {@code waiter}, same datasource and interval, waits for it. */
  public record WaitingPair(String dataSource, String interval, String holder, String waiter) {}

  /** What a documented sample needs its task to be. */
  public enum SampleKind { RUNNING_NOOP, COMPLETE_NOOP, ANY_NOOP, COMPLETE_INGESTION }

  public SuiteState(Duration timeout) {
    this.longRunMs = Math.max(600_000L, timeout.toMillis() * 20);
  }

  public RunIds ids() {
    return ids;
  }

  /** Run time of the noops that must outlive the run (the suite shuts them down). */
  public long longRunMs() {
    return longRunMs;
  }

  /** Registers a task for {@link #cleanUp}, also one submitted without the driver. */
  public synchronized void created(String id) {
    if (id != null) {
      created.add(id);
    }
  }

  public synchronized List<String> createdIds() {
    return List.copyOf(created);
  }

  public synchronized CompletedSet completed(TaskDriver d) {
    if (completed == null) {
      String ds = ids.dataSource("done");
      String other = ids.dataSource("done_other");
      List<String> inDs = new ArrayList<>();
      inDs.add(d.submitNoop(ids.task("done"), ds, 100));
      TaskDriver.sleep(Duration.ofMillis(60));
      inDs.add(d.submitNoop(ids.task("done"), ds, 100));
      TaskDriver.sleep(Duration.ofMillis(60));
      String otherId = d.submitNoop(ids.task("done-other"), other, 100);
      Map<String, TaskView> views = new LinkedHashMap<>();
      for (String id : List.of(inDs.get(0), inDs.get(1), otherId)) {
        TaskView v = d.awaitComplete(id);
        if (!"SUCCESS".equals(v.statusCode())) {
          throw new CaseFailure("noop task " + id + " ended " + v + " instead of SUCCESS", null);
        }
        views.put(id, v);
      }
      completed = new CompletedSet(ds, List.copyOf(inDs), other, otherId, Map.copyOf(views));
    }
    return completed;
  }

  /**
   * Fills the target's worker slots with long noops until one stays PENDING (capacity is found
   * this way, not assumed); tops up when the pending one has since started.
   */
  public synchronized Saturation saturation(TaskDriver d) {
    if (saturation != null) {
      TaskView p = d.status(saturation.pending());
      if ("PENDING".equals(p.runnerStatusCode())) {
        return saturation;
      }
      if (!p.active()) {
        throw new CaseFailure("the pending noop " + saturation.pending() + " ended early: " + p, null);
      }
    }
    String ds = saturation == null ? ids.dataSource("busy") : saturation.dataSource();
    List<String> running = saturation == null ? new ArrayList<>() : new ArrayList<>(saturation.running());
    if (saturation != null) {
      running.add(saturation.pending());
    }
    long deadline = System.nanoTime() + d.timeout().toNanos() * 2;
    for (int i = 0; i < MAX_SATURATION_TASKS && System.nanoTime() < deadline; i++) {
      String id = d.submitNoop(ids.task("busy"), ds, longRunMs);
      long pendingSince = -1;
      while (System.nanoTime() < deadline) {
        TaskView v = d.status(id);
        if ("RUNNING".equals(v.runnerStatusCode())) {
          running.add(id);
          break;
        }
        if (!v.active()) {
          throw new CaseFailure("long noop " + id + " ended early: " + v, null);
        }
        if ("PENDING".equals(v.runnerStatusCode())) {
          pendingSince = pendingSince < 0 ? System.nanoTime() : pendingSince;
          if (System.nanoTime() - pendingSince >= PENDING_SETTLE.toNanos()) {
            saturation = new Saturation(ds, List.copyOf(running), id);
            return saturation;
          }
        } else {
          pendingSince = -1;
        }
        TaskDriver.sleep(TaskDriver.POLL);
      }
    }
    throw new PreconditionUnmet("could not fill the target's worker slots: no noop stayed PENDING after "
        + running.size() + " started");
  }

  /** Saturates the target, then submits two ingestions of one interval: the second waits for the lock. */
  public synchronized WaitingPair waiting(TaskDriver d) {
    if (waiting != null) {
      TaskView w = d.status(waiting.waiter());
      if ("WAITING".equals(w.runnerStatusCode())) {
        return waiting;
      }
      throw new CaseFailure("the waiting ingestion " + waiting.waiter() + " is no longer WAITING: " + w, null);
    }
    saturation(d);
    String ds = ids.dataSource("locked");
    List<String> rows = RowGenerator.forDay(1, Instant.parse("2015-09-12T00:00:00Z")).jsonLines(5);
    String holder = d.submit(TaskSpecs.indexParallelInline(ids.task("lock-holder"), ds, INGEST_INTERVAL, rows));
    TaskView h = d.await(holder, v -> !"WAITING".equals(v.runnerStatusCode()) || !v.active(),
        "ready (PENDING or RUNNING)", null);
    if (!h.active()) {
      throw new PreconditionUnmet("the lock-holding ingestion " + holder + " finished before a second one could "
          + "wait for its lock: " + h);
    }
    String waiter = d.submit(TaskSpecs.indexParallelInline(ids.task("lock-waiter"), ds, INGEST_INTERVAL, rows));
    TaskDriver.sleep(Duration.ofSeconds(1));
    TaskView w = d.status(waiter);
    if (!"WAITING".equals(w.runnerStatusCode())) {
      throw new CaseFailure("an ingestion of an interval locked by " + holder + " (" + d.status(holder)
          + ") is not WAITING: " + w, null);
    }
    waiting = new WaitingPair(ds, INGEST_INTERVAL, holder, waiter);
    return waiting;
  }

  /** A finished inline ingestion of this run (SUCCESS). */
  public synchronized String ingested(TaskDriver d) {
    if (ingested == null) {
      String ds = ids.dataSource("ingested");
      List<String> rows = RowGenerator.forDay(3, Instant.parse("2015-09-12T00:00:00Z")).jsonLines(20);
      String id = d.submit(TaskSpecs.indexParallelInline(ids.task("ingest"), ds, INGEST_INTERVAL, rows));
      TaskView v = d.awaitComplete(id);
      if (!"SUCCESS".equals(v.statusCode())) {
        throw new CaseFailure("inline ingestion " + id + " ended " + v, null);
      }
      ingested = id;
    }
    return ingested;
  }

  /**
   * Makes the task a documented sample names, with exactly that id. An id can be used once per
   * target: when it already exists it is reused if it can still serve, else the case is skipped.
   */
  public TaskView sampleTask(TaskDriver d, String id, String dataSource, SampleKind kind) {
    var existing = d.find(id);
    if (existing.isEmpty()) {
      ObjectNode spec = switch (kind) {
        case RUNNING_NOOP, ANY_NOOP -> TaskSpecs.noop(id, dataSource, longRunMs);
        case COMPLETE_NOOP -> TaskSpecs.noop(id, dataSource, 100);
        case COMPLETE_INGESTION -> TaskSpecs.indexParallelInline(id, ids.dataSource("sample"), INGEST_INTERVAL,
            RowGenerator.forDay(5, Instant.parse("2015-09-12T00:00:00Z")).jsonLines(10));
      };
      Exchange ex = d.trySubmit(spec);
      if (ex.status() != 200 && !(ex.status() == 400 && ex.response().text().contains("already exists"))) {
        Expect.status(ex, 200);
      }
    }
    return switch (kind) {
      case RUNNING_NOOP, ANY_NOOP -> {
        TaskView v = d.status(id);
        if (!v.active()) {
          if (kind == SampleKind.ANY_NOOP) {
            yield v;
          }
          throw new PreconditionUnmet("the sample's task id " + id + " was used on this target before and is complete"
              + " (" + v.statusCode() + "); ids are unique, so a running task with it cannot be made again");
        }
        yield d.awaitRunner(id, "RUNNING");
      }
      case COMPLETE_NOOP -> d.awaitComplete(id);
      case COMPLETE_INGESTION -> {
        TaskView v = d.awaitComplete(id);
        if (!"index_parallel".equals(v.type()) || !"SUCCESS".equals(v.statusCode())) {
          throw new PreconditionUnmet("the sample's task id " + id + " is taken on this target by a task that is not "
              + "a successful index_parallel ingestion: " + v);
        }
        yield v;
      }
    };
  }

  /** Forgets the saturation and lock pair once a case has stopped them. */
  public synchronized void released() {
    saturation = null;
    waiting = null;
  }

  /** Shuts down every task this run started that is still active. */
  public void cleanUp(TaskDriver d) {
    for (String id : createdIds()) {
      try {
        var v = d.find(id);
        if (v.isPresent() && v.get().active()) {
          d.shutdown(id);
        }
      } catch (RuntimeException e) {
        // Clean-up is best effort: the target may be gone; the run's results stand.
      }
    }
  }

  /** A GET of the task's status that also says whether it exists. */
  public static ApiRequest statusRequest(String id) {
    return ApiRequest.get(TaskDriver.taskPath(id, "/status"));
  }
}
