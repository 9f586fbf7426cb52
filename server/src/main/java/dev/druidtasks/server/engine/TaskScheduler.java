package dev.druidtasks.server.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.druidtasks.server.store.LeaderLatch;
import dev.druidtasks.server.store.TaskStore;
import dev.druidtasks.server.store.UnstorableDataException;
import dev.druidtasks.server.store.WaitingTask;
import dev.druidtasks.server.task.ErrorMessages;
import dev.druidtasks.server.task.Interval;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduling loop, run by the leader only: moves waiting tasks whose locks are free to
 * PENDING (oldest first) and fails the tasks of workers that stopped heartbeating.
 */
public final class TaskScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(TaskScheduler.class);
  private static final int BATCH = 500;

  private final TaskStore store;
  private final LeaderLatch leader;
  private final ObjectMapper json;
  private final EngineConfig config;
  private final Clock clock;
  private final Runnable onPending;
  private final PollingLoop loop;
  private long nextReap;

  public TaskScheduler(TaskStore store, LeaderLatch leader, ObjectMapper json, EngineConfig config, Clock clock,
      Runnable onPending) {
    this.store = store;
    this.leader = leader;
    this.json = json;
    this.config = config;
    this.clock = clock;
    this.onPending = onPending;
    this.loop = new PollingLoop("task-scheduler", config.tick(), this::step);
  }

  public void start() {
    loop.start();
  }

  public void wake() {
    loop.wake();
  }

  /** False while the scheduling loop keeps failing. */
  public boolean healthy() {
    return loop.healthy();
  }

  public void stop() {
    loop.stop();
    leader.close();
  }

  private void step() {
    if (!leader.isLeader()) {
      return;
    }
    if (promoteWaiting()) {
      onPending.run();
    }
    long now = System.currentTimeMillis();
    if (now >= nextReap) {
      failTasksOfSilentWorkers();
      nextReap = now + config.heartbeatPeriod().toMillis();
    }
  }

  /** Returns whether any task became pending. */
  private boolean promoteWaiting() {
    boolean any = false;
    for (WaitingTask t : store.waiting(BATCH)) {
      try {
        if (store.promoteToPending(t, intervals(t.lockIntervalsJson()))) {
          any = true;
        }
      } catch (UnstorableDataException e) {
        // this task's own data is at fault: it fails, and the others are scheduled
        LOG.warn("task {} cannot be scheduled; failing it", t.id(), e);
        store.failNotStarted(t.id(), ErrorMessages.truncate("Task cannot be scheduled: " + e.getMessage()));
      }
    }
    return any;
  }

  private void failTasksOfSilentWorkers() {
    for (String worker : store.workersSilentSince(clock.instant().minus(config.workerTimeout()))) {
      store.removeWorker(worker);
      for (String id : store.runningOn(worker)) {
        LOG.warn("worker {} stopped heartbeating; failing its task {}", worker, id);
        store.complete(id, false, ErrorMessages.truncate("Task failed because worker[" + worker
            + "] stopped responding"), List.of());
      }
    }
    // and tasks left by a worker no longer registered (declared dead, then claimed before it knew)
    for (String id : store.runningOnUnregisteredWorkers()) {
      LOG.warn("task {} runs on a worker that is not registered; failing it", id);
      store.complete(id, false, "Task failed because its worker is no longer registered", List.of());
    }
  }

  private List<Interval> intervals(String jsonArray) {
    try {
      List<String> texts = json.readValue(jsonArray, new TypeReference<List<String>>() {});
      List<Interval> out = new ArrayList<>(texts.size());
      for (String s : texts) {
        out.add(Interval.parse(s, '/'));
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("stored lock intervals are not a JSON array: " + jsonArray, e);
    }
  }
}
