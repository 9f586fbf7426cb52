package dev.druidtasks.server.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.druidtasks.server.store.ClaimedTask;
import dev.druidtasks.server.store.TaskStore;
import dev.druidtasks.server.task.Directories;
import dev.druidtasks.server.task.ErrorMessages;
import dev.druidtasks.server.task.Task;
import dev.druidtasks.server.task.TaskResult;
import dev.druidtasks.server.task.TaskTypeRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims pending tasks from the store up to its capacity and runs them; heartbeats so the
 * scheduler knows it lives; passes shutdown requests to its running tasks. Paused, it claims
 * nothing, so pending tasks stay PENDING; what runs goes on.
 */
public final class TaskWorker extends ControlledLoop {
  private static final Logger LOG = LoggerFactory.getLogger(TaskWorker.class);

  private final TaskStore store;
  private final TaskTypeRegistry registry;
  private final ObjectMapper json;
  private final EngineConfig config;
  private final Clock clock;
  private final Map<String, RunningTask> running = new ConcurrentHashMap<>();
  private final AtomicInteger threadIds = new AtomicInteger();
  private long nextHeartbeat;
  private String workerId;
  /** This registration: a new one each time the worker registers, so a worker declared dead is fenced off. */
  private volatile String epoch;
  private int port;
  private ExecutorService runners;
  private volatile PollingLoop loop;
  /** Stopping: claims nothing more, while what runs finishes. */
  private volatile boolean draining;
  private final Object claiming = new Object();

  public TaskWorker(TaskStore store, TaskTypeRegistry registry, ObjectMapper json, EngineConfig config, Clock clock) {
    super(clock);
    this.store = store;
    this.registry = registry;
    this.json = json;
    this.config = config;
    this.clock = clock;
  }

  /** Asks the task to stop if it runs here; its end is recorded as usual (a no-op when already ended). */
  public void stopLocally(String taskId) {
    RunningTask t = running.get(taskId);
    if (t != null) {
      t.requestStop();
    }
  }

  /**
   * Asks every task running here to stop and waits up to {@code timeout} for them to end; returns how
   * many it asked. With the worker paused first, nothing is claimed meanwhile.
   */
  public int stopAllRunning(java.time.Duration timeout) throws InterruptedException {
    List<RunningTask> asked;
    synchronized (claiming) { // a claim under way launches first, so its tasks are asked too
      asked = List.copyOf(running.values());
    }
    asked.forEach(RunningTask::requestStop);
    awaitNoneRunning(timeout);
    return asked.size();
  }

  private void awaitNoneRunning(java.time.Duration atMost) throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (!running.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
  }

  public String workerId() {
    return workerId;
  }

  /** Starts on the port this node serves (tasks report it as their location). */
  public synchronized void start(int servedPort) {
    this.port = servedPort;
    this.workerId = config.host() + ":" + servedPort;
    try {
      Files.createDirectories(config.deepStorage());
      Files.createDirectories(config.workDir());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot create the worker's directories", e);
    }
    register();
    // Tasks this worker was running when its process died cannot resume: end them as Druid does.
    for (String id : store.scheduling().runningOn(workerId)) {
      store.tasks().complete(id, false, ErrorMessages.truncate("Task was running on worker[" + workerId
          + "] when it stopped; it was not completed"), List.of(), clock.instant());
    }
    runners = Executors.newFixedThreadPool(config.capacity(),
        r -> new Thread(r, "task-runner-" + threadIds.getAndIncrement() + "-priority-0"));
    loop = new PollingLoop("task-worker", config.tick(), this::step);
    loop.start();
  }

  @Override
  public void wake() {
    if (loop != null) {
      loop.wake();
    }
  }

  /** False while the worker's loop keeps failing; true before it starts. */
  public boolean healthy() {
    PollingLoop l = loop;
    return l == null || l.healthy();
  }

  /**
   * Stops claiming and lets running tasks finish for up to the drain timeout, still heartbeating;
   * those left are asked to stop and end FAILED, naming this worker.
   */
  public synchronized void stop() {
    if (loop == null) {
      return;
    }
    synchronized (claiming) {
      draining = true; // a claim under way ends first, so what it took is seen running below
    }
    if (!running.isEmpty() && !config.drainTimeout().isZero()) {
      LOG.info("worker {} stopping: draining {} running tasks for up to {}", workerId, running.size(),
          config.drainTimeout());
    }
    try {
      awaitNoneRunning(config.drainTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    loop.stop();
    running.values().forEach(RunningTask::requestStop);
    runners.shutdown();
    try {
      runners.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.workers().remove(workerId);
  }

  private void step() {
    long now = System.currentTimeMillis();
    if (now >= nextHeartbeat) {
      if (store.workers().heartbeat(workerId, epoch, liveness.instant()) == 0) {
        registerAgain();
      }
      nextHeartbeat = now + config.heartbeatPeriod().toMillis();
    }
    if (!running.isEmpty()) {
      store.scheduling().shutdownRequestedOn(workerId).forEach(this::stopLocally);
      running.values().forEach(t -> t.log().flush());
    }
    synchronized (claiming) {
      int free = draining || paused ? 0 : config.capacity() - running.size();
      long asked = System.nanoTime();
      List<ClaimedTask> claimed = store.scheduling().claimPending(workerId, epoch, config.host(), port, free, clock.instant());
      if (free > 0) {
        events.claimed(free, claimed.size(), java.time.Duration.ofNanos(System.nanoTime() - asked));
      }
      for (ClaimedTask c : claimed) {
        launch(c);
      }
    }
  }

  /**
   * This worker was declared dead while it was paused or cut off: its tasks were failed and given
   * up. It stops what it still runs (their ends are no longer recorded) and joins again as new.
   */
  private void registerAgain() {
    LOG.warn("worker {} was declared dead (no heartbeat within {}); its {} running tasks were failed elsewhere."
        + " Stopping them and registering again as a new worker", workerId, config.workerTimeout(), running.size());
    running.values().forEach(RunningTask::requestStop);
    register();
  }

  /** Registers under a new epoch: whatever the previous registration still writes is fenced off. */
  private void register() {
    epoch = java.util.UUID.randomUUID().toString();
    store.workers().register(workerId, epoch, config.host(), port, config.capacity(), liveness.instant());
  }

  private void launch(ClaimedTask claimed) {
    TaskLogWriter log = new TaskLogWriter(store, claimed.id(), "dev.druidtasks.task.TaskRunner", clock);
    Path workDir = config.workDir().resolve(Integer.toHexString(claimed.id().hashCode()) + "-"
        + Long.toHexString(System.nanoTime()));
    RunningTask exec = new RunningTask(claimed.id(), claimed.groupId(), claimed.dataSource(), store, clock, log, workDir,
        config.deepStorage(), new AtomicBoolean());
    running.put(claimed.id(), exec);
    runners.execute(() -> runToEnd(claimed, exec));
  }

  private void runToEnd(ClaimedTask claimed, RunningTask exec) {
    TaskLogWriter log = exec.log();
    long started = System.nanoTime();
    TaskResult result;
    String type = "";
    try {
      log.info("Running task[" + claimed.id() + "] on worker[" + workerId + "]");
      log.flush();
      Task task = registry.read(claimed.payloadJson());
      type = task.type();
      Files.createDirectories(exec.workDir());
      result = task.run(exec);
    } catch (Throwable t) {
      log.error("Task[" + claimed.id() + "] failed", t);
      // an I/O failure's message is often a bare path: name the kind of failure too
      String msg = t.getMessage() == null || t instanceof IOException ? t.toString() : t.getMessage();
      result = TaskResult.failure(msg);
    }
    if (exec.stopRequested()) {
      result = TaskResult.failure(loop.stopping() ? stoppedWithTheWorker() : ErrorMessages.SHUTDOWN);
    }
    long ms = (System.nanoTime() - started) / 1_000_000;
    log.info("Task completed with status: {\"id\": \"" + claimed.id() + "\", \"status\": \""
        + (result.succeeded() ? "SUCCESS" : "FAILED") + "\", \"duration\": " + ms + ", \"errorMsg\": "
        + (result.errorMsg() == null ? "null" : quote(result.errorMsg())) + "}");
    try {
      log.flush();
      store.tasks().complete(claimed.id(), result.succeeded(), ErrorMessages.truncate(result.errorMsg()),
          result.segments(), clock.instant());
      events.taskEnded(type, claimed.dataSource(), result.succeeded(), java.time.Duration.ofMillis(ms));
    } catch (RuntimeException e) {
      LOG.error("could not record the end of task {}", claimed.id(), e);
    } finally {
      running.remove(claimed.id());
      deleteQuietly(exec.workDir());
      loop.wake();
    }
  }

  /** The errorMsg of a task this worker stopped because it was itself stopping. */
  private String stoppedWithTheWorker() {
    String msg = "Worker[" + workerId + "] shut down while the task was running";
    return config.drainTimeout().isZero() ? msg : msg + " (drain timeout " + config.drainTimeout() + ")";
  }

  private String quote(String s) {
    try {
      return json.writeValueAsString(s);
    } catch (IOException e) {
      return "\"" + s + "\"";
    }
  }

  /** A task's work dir or a killed segment's files; what cannot be deleted is logged. */
  static void deleteQuietly(Path dir) {
    try {
      Directories.delete(dir);
    } catch (IOException e) {
      LOG.warn("could not delete {}", dir, e);
    }
  }
}
