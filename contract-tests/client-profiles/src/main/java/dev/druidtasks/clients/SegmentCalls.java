package dev.druidtasks.clients;

import static dev.druidtasks.clients.ProfileCheck.require;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.druid.client.indexing.ClientKillUnusedSegmentsTaskQuery;
import org.apache.druid.client.indexing.TaskPayloadResponse;
import org.apache.druid.indexer.TaskState;
import org.apache.druid.indexer.TaskStatusPlus;
import org.apache.druid.indexing.common.task.NoopTask;
import org.apache.druid.metadata.LockFilterPolicy;
import org.apache.druid.rpc.HttpResponseException;
import org.apache.druid.rpc.indexing.SegmentUpdateResponse;
import org.apache.druid.server.http.SegmentsToUpdateFilter;
import org.apache.druid.indexer.report.IngestionStatsAndErrorsTaskReport;
import org.apache.druid.timeline.SegmentId;
import org.apache.druid.java.util.common.Intervals;
import org.joda.time.Interval;

/**
 * A segment's life through Druid's client: an ingestion while every slot is busy (so its lock is seen),
 * marking its segment unused and used again in each form, a {@code kill} task; and, among the last calls of
 * a run, the shutdown of a running task (Druid keeps a shut-down running task's slot for minutes).
 */
final class SegmentCalls {
  private static final Interval DAY = Intervals.of("2024-01-01/2024-01-02");

  private final ProfileContext ctx;
  private final ProfileRun run;
  private final String ds;
  private final String ingestion;
  private final List<String> busy = new ArrayList<>();
  /** A segment id no task made: the id forms of the mark calls change nothing with it. */
  private final SegmentId unknownSegment;

  SegmentCalls(ProfileContext ctx) {
    this.ctx = ctx;
    this.run = ctx.run();
    this.ds = ctx.dataSource();
    this.ingestion = "index_parallel_" + ds + "_profile";
    this.unknownSegment = SegmentId.of(ds, DAY, "1999-01-01T00:00:00.000Z", 0);
  }

  void run() {
    boolean ingested = ingestWhileSlotsAreBusy();
    if (ingested) {
      markUnusedAndUsed();
      kill();
    }
  }

  private boolean ingestWhileSlotsAreBusy() {
    run.call("runTask of an 8 s noop per slot (slots from getTotalWorkerCapacity())", "POST /druid/indexer/v1/task",
        () -> {
          int slots = ctx.await(ctx.client().getTotalWorkerCapacity()).getCurrentClusterCapacity();
          for (int i = 0; i < slots; i++) {
            String id = "noop_" + ds + "_busy_" + i;
            ctx.await(ctx.client().runTask(id, new NoopTask(id, null, ds + "_busy", 8_000, 0, null)));
            busy.add(id);
          }
          return slots + " slot(s) busy";
        });
    boolean submitted = run.call("runTask(id, index_parallel payload as a Map)", "POST /druid/indexer/v1/task", () -> {
      ctx.await(ctx.client().runTask(ingestion, IngestionPayload.inlineDay(ingestion, ds, DAY)));
      return "accepted " + ingestion + " behind " + busy.size() + " busy slot(s)";
    });
    run.call("findLockedIntervals([LockFilterPolicy(ds, 0, null, null)])", "POST /druid/indexer/v1/lockedIntervals/v2",
        () -> {
          long deadline = System.nanoTime() + 30_000_000_000L;
          Map<String, List<Interval>> locked;
          do {
            locked = ctx.await(ctx.client().findLockedIntervals(List.of(new LockFilterPolicy(ds, 0, null, null))));
            if (locked.containsKey(ds)) {
              require(locked.get(ds).contains(DAY), "locks " + locked.get(ds) + ", not " + DAY);
              require(locked.keySet().equals(Set.of(ds)), "other data sources: " + locked.keySet());
              return ds + " " + locked.get(ds);
            }
            Thread.sleep(100);
          } while (System.nanoTime() < deadline);
          throw new AssertionError("the waiting ingestion's lock was never listed: " + locked);
        });
    run.call("findLockedIntervals above the lock's priority", "POST /druid/indexer/v1/lockedIntervals/v2", () -> {
      Map<String, List<Interval>> locked =
          ctx.await(ctx.client().findLockedIntervals(List.of(new LockFilterPolicy(ds, 1_000, null, null))));
      require(!locked.containsKey(ds), "a lock of priority 50 counted as at least 1000: " + locked);
      return "none: " + locked;
    });
    return submitted && run.call("taskStatus(ingestion) until complete", "GET /druid/indexer/v1/task/{id}/status", () -> {
      TaskStatusPlus s = ctx.awaitComplete(ingestion);
      require(s.getStatusCode() == TaskState.SUCCESS, "ended " + s.getStatusCode() + ": " + s.getErrorMsg());
      return "SUCCESS";
    }) && run.call("taskReportAsMap(ingestion)", "GET /druid/indexer/v1/task/{id}/reports", () -> {
      var reports = ctx.await(ctx.client().taskReportAsMap(ingestion));
      IngestionStatsAndErrorsTaskReport report = reports
          .<IngestionStatsAndErrorsTaskReport>findReport(IngestionStatsAndErrorsTaskReport.REPORT_KEY)
          .orElseThrow(() -> new AssertionError("no ingestionStatsAndErrors in " + reports.keySet()));
      Object built = report.getPayload().getRowStats().get("buildSegments");
      require(built instanceof Map<?, ?> m && Integer.valueOf(3).equals(m.get("processed")), "row stats " + built);
      return "keys " + reports.keySet() + ", buildSegments " + built;
    });
  }

  private void markUnusedAndUsed() {
    changes("markSegmentsAsUnused(ds)", "DELETE /druid/indexer/v1/datasources/ds", 1,
        () -> ctx.await(ctx.client().markSegmentsAsUnused(ds)));
    changesBodiless("markNonOvershadowedSegmentsAsUsed(ds)", "POST /druid/indexer/v1/datasources/ds", 1,
        () -> ctx.await(ctx.client().markNonOvershadowedSegmentsAsUsed(ds)));
    changesBodiless("markSegmentAsUnused(id of no segment)", "DELETE /druid/indexer/v1/datasources/ds/segments/{id}",
        0, () -> ctx.await(ctx.client().markSegmentAsUnused(unknownSegment)));
    changesBodiless("markSegmentAsUsed(id of no segment)", "POST /druid/indexer/v1/datasources/ds/segments/{id}", 0,
        () -> ctx.await(ctx.client().markSegmentAsUsed(unknownSegment)));
    run.call("markNonOvershadowedSegmentsAsUsed(ds, filter by an unknown segment id)",
        "POST /druid/indexer/v1/datasources/ds/markUsed", () -> {
          try {
            ctx.await(ctx.client().markNonOvershadowedSegmentsAsUsed(ds,
                new SegmentsToUpdateFilter(null, Set.of(unknownSegment.toString()), null)));
          } catch (ExecutionException e) {
            Throwable cause = ProfileRun.rootOf(e);
            require(cause instanceof HttpResponseException h && h.getResponse().getStatus().getCode() == 400
                && h.getResponse().getContent().contains("Could not find segment IDs"), "failed with " + cause);
            return "HTTP 400: Could not find segment IDs";
          }
          throw new AssertionError("an unknown segment id was accepted");
        });
    changes("markSegmentsAsUnused(ds, filter by interval and a version no segment has)",
        "POST /druid/indexer/v1/datasources/ds/markUnused", 0, () -> ctx.await(ctx.client()
            .markSegmentsAsUnused(ds, new SegmentsToUpdateFilter(DAY, null, List.of("1999-01-01T00:00:00.000Z")))));
    changes("markSegmentsAsUnused(ds, filter by interval)", "POST /druid/indexer/v1/datasources/ds/markUnused", 1,
        () -> ctx.await(ctx.client().markSegmentsAsUnused(ds, new SegmentsToUpdateFilter(DAY, null, null))));
  }

  private void changes(String call, String request, int expected, ProfileCall<SegmentUpdateResponse> update) {
    run.call(call, request, () -> checkChanged(update.call(), expected));
  }

  /**
   * Druid 33 makes these changes but then answers its own client with a bodiless 500: the client sends no
   * {@code Accept} header, and Druid's Jersey finds no writer for the answer as {@code application/octet-stream}
   * (with {@code Accept: application/json} the same request gets its 200).
   */
  private void changesBodiless(String call, String request, int expected, ProfileCall<SegmentUpdateResponse> update) {
    run.quirk(call, request, () -> checkChanged(update.call(), expected),
        t -> t instanceof HttpResponseException h && h.getResponse().getStatus().getCode() == 500
            && h.getResponse().getContent().isEmpty(),
        "Druid 33 makes the change, then answers a client that sends no Accept header with a bodiless 500");
  }

  private static String checkChanged(SegmentUpdateResponse r, int expected) {
    require(r.getNumChangedSegments() == expected, "changed " + r.getNumChangedSegments() + ", expected " + expected);
    require(r.isSegmentStateChanged() == (expected > 0), "segmentStateChanged " + r.isSegmentStateChanged());
    return "numChangedSegments " + r.getNumChangedSegments();
  }

  private void kill() {
    String[] killId = new String[1];
    boolean killed = run.call("runKillTask(\"api-issued\", ds, interval, null, null, null)", "POST /druid/indexer/v1/task",
        () -> {
          killId[0] = ctx.await(ctx.client().runKillTask("api-issued", ds, DAY, null, null, null));
          TaskStatusPlus s = ctx.awaitComplete(killId[0]);
          require(s.getStatusCode() == TaskState.SUCCESS, "ended " + s.getStatusCode() + ": " + s.getErrorMsg());
          require("kill".equals(s.getType()), "type " + s.getType());
          return killId[0] + " SUCCESS";
        });
    if (!killed) {
      return;
    }
    run.call("taskPayload(kill id) as ClientKillUnusedSegmentsTaskQuery", "GET /druid/indexer/v1/task/{id}", () -> {
      TaskPayloadResponse p = ctx.await(ctx.client().taskPayload(killId[0]));
      require(p.getPayload() instanceof ClientKillUnusedSegmentsTaskQuery, "decoded " + p.getPayload());
      ClientKillUnusedSegmentsTaskQuery q = (ClientKillUnusedSegmentsTaskQuery) p.getPayload();
      require(killId[0].equals(q.getId()) && ds.equals(q.getDataSource()) && DAY.equals(q.getInterval()),
          "payload " + q);
      return "kill of " + q.getDataSource() + " " + q.getInterval() + ", batchSize " + q.getBatchSize();
    });
    changesBodiless("markNonOvershadowedSegmentsAsUsed(ds) after the kill (nothing left)",
        "POST /druid/indexer/v1/datasources/ds", 0, () -> ctx.await(ctx.client().markNonOvershadowedSegmentsAsUsed(ds)));
  }

  void shutdownOfARunningTask() {
    String id = "noop_" + ds + "_long";
    run.call("cancelTask(id) of a running noop", "POST /druid/indexer/v1/task/{id}/shutdown", () -> {
      ctx.await(ctx.client().runTask(id, new NoopTask(id, null, ds, 600_000, 0, null)));
      ctx.awaitTask(id, s -> s.getRunnerStatusCode() == org.apache.druid.indexer.RunnerTaskState.RUNNING);
      ctx.await(ctx.client().cancelTask(id));
      TaskStatusPlus s = ctx.awaitComplete(id);
      require(s.getStatusCode() == TaskState.FAILED && s.getErrorMsg() != null, "ended " + s);
      return "FAILED: " + s.getErrorMsg();
    });
  }

  @FunctionalInterface
  private interface ProfileCall<T> {
    T call() throws Exception;
  }
}
