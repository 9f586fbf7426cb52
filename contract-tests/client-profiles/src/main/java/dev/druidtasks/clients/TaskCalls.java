package dev.druidtasks.clients;

import static dev.druidtasks.clients.ProfileCheck.require;

import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.druid.client.indexing.IndexingTotalWorkerCapacityInfo;
import org.apache.druid.client.indexing.IndexingWorkerInfo;
import org.apache.druid.indexer.TaskState;
import org.apache.druid.indexer.TaskStatus;
import org.apache.druid.indexer.TaskStatusPlus;
import org.apache.druid.indexing.common.task.NoopTask;
import org.apache.druid.indexing.common.task.Task;
import org.apache.druid.java.util.common.DateTimes;
import org.apache.druid.java.util.common.Intervals;
import org.apache.druid.java.util.common.parsers.CloseableIterator;
import org.apache.druid.rpc.HttpResponseException;
import org.joda.time.Interval;

/** The calls Druid's services make about the Overlord itself and about tasks, on noop tasks. */
final class TaskCalls {
  private final ProfileContext ctx;
  private final ProfileRun run;
  private final String ds;
  private final String shortNoop;

  TaskCalls(ProfileContext ctx) {
    this.ctx = ctx;
    this.run = ctx.run();
    this.ds = ctx.dataSource();
    this.shortNoop = "noop_" + ds + "_short";
  }

  void run() {
    overlord();
    submitAndRead();
    pendingSegments();
  }

  private void overlord() {
    run.call("findCurrentLeader()", "GET /druid/indexer/v1/leader", () -> {
      URI leader = ctx.await(ctx.client().findCurrentLeader());
      require(leader.isAbsolute() && leader.getHost() != null, "not an absolute URL: " + leader);
      return leader.toString();
    });
    run.call("isCompactionSupervisorEnabled()", "GET /druid/indexer/v1/compaction/isSupervisorEnabled", () -> {
      Boolean enabled = ctx.await(ctx.client().isCompactionSupervisorEnabled());
      require(Boolean.FALSE.equals(enabled), "expected false, got " + enabled);
      return "false";
    });
    run.call("getWorkers()", "GET /druid/indexer/v1/workers", () -> {
      List<IndexingWorkerInfo> workers = ctx.await(ctx.client().getWorkers());
      require(!workers.isEmpty(), "no worker listed");
      for (IndexingWorkerInfo w : workers) {
        require(w.getWorker() != null && w.getWorker().getHost() != null, "a worker without a host: " + w);
        require(w.getWorker().getCapacity() > 0, "a worker without capacity: " + w);
        require(w.getCurrCapacityUsed() >= 0 && w.getRunningTasks() != null, "no usage: " + w);
      }
      return workers.size() + " worker(s), first " + workers.get(0).getWorker().getHost() + " capacity "
          + workers.get(0).getWorker().getCapacity();
    });
    run.call("getTotalWorkerCapacity()", "GET /druid/indexer/v1/totalWorkerCapacity", () -> {
      IndexingTotalWorkerCapacityInfo c = ctx.await(ctx.client().getTotalWorkerCapacity());
      require(c.getCurrentClusterCapacity() > 0, "no capacity: " + c.getCurrentClusterCapacity());
      return "current " + c.getCurrentClusterCapacity() + ", max with autoscale " + c.getMaximumCapacityWithAutoScale();
    });
    run.call("supervisorStatuses()", "GET /druid/indexer/v1/supervisor?system", () -> {
      int n = 0;
      try (CloseableIterator<?> it = ctx.await(ctx.client().supervisorStatuses())) {
        while (it.hasNext()) {
          it.next();
          n++;
        }
      }
      return n + " supervisor(s)";
    });
  }

  private void submitAndRead() {
    run.call("runTask(id, new NoopTask(id, null, ds, 100, 0, null))", "POST /druid/indexer/v1/task", () -> {
      ctx.await(ctx.client().runTask(shortNoop, new NoopTask(shortNoop, null, ds, 100, 0, null)));
      return "accepted " + shortNoop;
    });
    run.call("runTask(NoopTask.create()) (no data source)", "POST /druid/indexer/v1/task", () -> {
      NoopTask task = NoopTask.create();
      ctx.await(ctx.client().runTask(task.getId(), task));
      TaskStatusPlus s = ctx.awaitComplete(task.getId());
      require(s.getStatusCode() == TaskState.SUCCESS, "ended " + s.getStatusCode() + ": " + s.getErrorMsg());
      return task.getId() + " " + s.getStatusCode() + " in data source " + s.getDataSource();
    });
    run.call("runTask(duplicate id) fails at once, not retried", "POST /druid/indexer/v1/task", () -> {
      long start = System.nanoTime();
      try {
        ctx.await(ctx.client().runTask(shortNoop, new NoopTask(shortNoop, null, ds, 100, 0, null)));
      } catch (Exception e) {
        Throwable cause = ProfileRun.rootOf(e);
        require(cause instanceof HttpResponseException, "failed with " + cause);
        int status = ((HttpResponseException) cause).getResponse().getStatus().getCode();
        long ms = (System.nanoTime() - start) / 1_000_000;
        require(status >= 400 && status < 500, "a retryable " + status + " (retried for " + ms + " ms)");
        return "HTTP " + status + " after " + ms + " ms";
      }
      throw new AssertionError("a duplicate id was accepted");
    });
    run.call("taskStatus(id) until complete", "GET /druid/indexer/v1/task/{id}/status", () -> {
      TaskStatusPlus s = ctx.awaitComplete(shortNoop);
      require(s.getStatusCode() == TaskState.SUCCESS, "ended " + s.getStatusCode() + ": " + s.getErrorMsg());
      require(shortNoop.equals(s.getId()) && "noop".equals(s.getType()) && ds.equals(s.getDataSource()),
          "wrong identity: " + s);
      require(s.getDuration() != null && s.getDuration() >= 0, "duration " + s.getDuration());
      require(s.getCreatedTime() != null && s.getLocation() != null, "no created time or location: " + s);
      return s.getStatusCode() + ", duration " + s.getDuration() + " ms";
    });
    run.call("taskStatus(unknown id)", "GET /druid/indexer/v1/task/{id}/status", () -> {
      try {
        ctx.await(ctx.client().taskStatus("no_such_task_" + ds));
      } catch (Exception e) {
        Throwable cause = ProfileRun.rootOf(e);
        require(cause instanceof HttpResponseException
            && ((HttpResponseException) cause).getResponse().getStatus().getCode() == 404, "failed with " + cause);
        return "HTTP 404";
      }
      throw new AssertionError("an unknown task has a status");
    });
    run.call("taskStatuses(Set of ids)", "POST /druid/indexer/v1/taskStatus", () -> {
      Map<String, TaskStatus> m = ctx.await(ctx.client().taskStatuses(Set.of(shortNoop, "no_such_task_" + ds)));
      require(m.containsKey(shortNoop) && m.get(shortNoop).getStatusCode() == TaskState.SUCCESS, "got " + m);
      require(!m.containsKey("no_such_task_" + ds), "an unknown id has a status: " + m);
      return m.size() + " status(es)";
    });
    for (String state : new String[] {null, "complete", "running", "pending", "waiting"}) {
      run.call("taskStatuses(" + (state == null ? "null" : '"' + state + '"') + ", ds, " + (state == null ? "null" : "10")
          + ")", "GET /druid/indexer/v1/tasks?" + (state == null ? "" : "state=" + state + "&") + "datasource=ds", () -> {
            List<String> ids = list(state, state == null ? null : 10);
            boolean shouldSee = state == null || state.equals("complete");
            require(ids.contains(shortNoop) == shouldSee, (shouldSee ? "missing " : "lists ") + shortNoop + ": " + ids);
            return ids.size() + " task(s)";
          });
    }
    run.quirk("taskPayload(noop id)", "GET /druid/indexer/v1/task/{id}", () -> {
      var p = ctx.await(ctx.client().taskPayload(shortNoop));
      return "decoded " + p.getPayload().getType();
    }, t -> t instanceof InvalidTypeIdException && t.getMessage().contains("'noop'"),
        "Druid's ClientTaskQuery has no noop subtype, so its client cannot decode a noop payload");
    run.call("payload decoded as Druid's Task (indexing-service classes)", "GET /druid/indexer/v1/task/{id}", () -> {
      Task task = ctx.json().treeToValue(ctx.getJson("/druid/indexer/v1/task/" + shortNoop).get("payload"), Task.class);
      require(task instanceof NoopTask && shortNoop.equals(task.getId()) && ds.equals(task.getDataSource())
          && ((NoopTask) task).getRunTime() == 100, "decoded " + task);
      return task.getClass().getSimpleName() + " " + task.getId() + " groupId " + task.getGroupId();
    });
    run.call("taskReportAsMap(completed noop): a noop writes no report", "GET /druid/indexer/v1/task/{id}/reports",
        () -> {
          try {
            var reports = ctx.await(ctx.client().taskReportAsMap(shortNoop));
            throw new AssertionError("a noop has reports " + reports.keySet());
          } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = ProfileRun.rootOf(e);
            require(cause instanceof HttpResponseException
                && ((HttpResponseException) cause).getResponse().getStatus().getCode() == 404, "failed with " + cause);
            return "HTTP 404";
          }
        });
  }

  private List<String> list(String state, Integer max) throws Exception {
    List<String> ids = new ArrayList<>();
    try (CloseableIterator<TaskStatusPlus> it = ctx.await(ctx.client().taskStatuses(state, ds, max))) {
      while (it.hasNext()) {
        TaskStatusPlus s = it.next();
        require(ds.equals(s.getDataSource()), "a task of another data source: " + s.getDataSource());
        ids.add(s.getId());
      }
    }
    return ids;
  }

  private void pendingSegments() {
    run.call("killPendingSegments(ds, Intervals.ETERNITY)", "DELETE /druid/indexer/v1/pendingSegments/ds?interval=…",
        () -> "numDeleted " + ctx.await(ctx.client().killPendingSegments(ds, Intervals.ETERNITY)));
    run.call("killPendingSegments(ds, [DateTimes.MIN, now - 1 day)) (the Coordinator's duty)",
        "DELETE /druid/indexer/v1/pendingSegments/ds?interval=…", () -> {
          Interval stale = new Interval(DateTimes.MIN, DateTimes.nowUtc().minusDays(1));
          return "numDeleted " + ctx.await(ctx.client().killPendingSegments(ds, stale));
        });
  }
}
