package dev.druidtasks.server.engine;

import dev.druidtasks.server.store.LeaderLatch;
import dev.druidtasks.server.store.TaskStore;
import dev.druidtasks.server.store.WaitingTask;
import dev.druidtasks.server.task.ErrorMessages;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduling loop, run by the leader only: moves waiting tasks whose locks are free to
 * PENDING (oldest first) and fails the tasks of workers that stopped heartbeating. Paused, it holds
 * waiting tasks WAITING; silent workers are still reaped.
 */
public final class TaskScheduler extends ControlledLoop {
  private static final Logger LOG = LoggerFactory.getLogger(TaskScheduler.class);
  private static final int BATCH = 500;

  private final TaskStore store;
  private final LeaderLatch leader;
  private final EngineConfig config;
  private final Clock clock;
  private final Runnable onPending;
  private final PollingLoop loop;
  private long nextReap;

  public TaskScheduler(TaskStore store, LeaderLatch leader, EngineConfig config, Clock clock,
      Runnable onPending) {
    super(clock);
    this.store = store;
    this.leader = leader;
    this.config = config;
    this.clock = clock;
    this.onPending = onPending;
    this.loop = new PollingLoop("task-scheduler", config.tick(), this::observedStep);
  }

  public void start() {
    loop.start();
  }

  @Override
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

  private void observedStep() {
    long started = System.nanoTime();
    try {
      step();
    } finally {
      events.schedulerStepped(java.time.Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private void step() {
    if (!leader.isLeader()) {
      return;
    }
    if (!paused && promoteWaiting()) {
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
    for (WaitingTask t : store.scheduling().waiting(BATCH)) {
      any |= store.scheduling().promoteToPending(t, clock.instant());
    }
    return any;
  }

  private void failTasksOfSilentWorkers() {
    Instant cutoff = liveness.instant().minus(config.workerTimeout());
    for (String worker : store.workers().silentSince(cutoff)) {
      if (store.workers().removeIfSilent(worker, cutoff) == 0) {
        continue; // it came back (restarted) since it was read as silent
      }
      for (String id : store.scheduling().runningOn(worker)) {
        LOG.warn("worker {} stopped heartbeating; failing its task {}", worker, id);
        store.tasks().complete(id, false, ErrorMessages.truncate(ErrorMessages.workerLost(worker)), List.of(),
            clock.instant());
      }
    }
    for (String id : store.scheduling().runningOnUnregisteredWorkers()) {
      LOG.warn("task {} runs on a worker that is not registered; failing it", id);
      store.tasks().complete(id, false, ErrorMessages.WORKER_UNREGISTERED, List.of(), clock.instant());
    }
  }
}
