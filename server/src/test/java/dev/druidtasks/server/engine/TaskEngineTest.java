package dev.druidtasks.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.store.EmbeddedDatabase;
import dev.druidtasks.server.store.LeaderLatch;
import dev.druidtasks.server.store.Migrations;
import dev.druidtasks.server.store.TaskRecord;
import dev.druidtasks.server.store.TaskStore;
import dev.druidtasks.server.store.WaitingTask;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.TaskState;
import dev.druidtasks.server.task.TaskTypeRegistry;
import dev.druidtasks.server.task.noop.NoopTaskType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The task lifecycle on a real PostgreSQL: states, capacity, locks, shutdown, lost workers. */
class TaskEngineTest {
  private static EmbeddedDatabase db;
  private static Jdbi jdbi;
  private static Path dir;
  private final ObjectMapper json = new ObjectMapper();
  private final Clock clock = Clock.systemUTC();
  private final List<TaskWorker> workers = new ArrayList<>();
  private TaskStore store;
  private TaskQueue queue;
  private TaskScheduler scheduler;
  private TaskTypeRegistry registry;
  private EngineConfig config;
  private String run;

  @BeforeAll
  static void database() throws Exception {
    dir = Files.createTempDirectory("engine-test");
    db = EmbeddedDatabase.start(dir);
    Migrations.apply(db.jdbcUrl(), db.user(), "");
    jdbi = Jdbi.create(db.jdbcUrl(), db.user(), "").installPlugin(new SqlObjectPlugin());
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    db.close();
  }

  @BeforeEach
  void engine() {
    run = UUID.randomUUID().toString().substring(0, 8);
    store = TaskStore.on(jdbi, json);
    registry = new TaskTypeRegistry(clock, new NoopTaskType(), new LockingTaskType());
    config = new EngineConfig("localhost", 2, Duration.ofMillis(20), Duration.ofMillis(100),
        Duration.ofMillis(600), Duration.ZERO, dir.resolve("segments"), dir.resolve("work"));
    queue = new TaskQueue(store, registry, json, clock);
    scheduler = new TaskScheduler(store, new LeaderLatch(jdbi, () -> "http://localhost:8888"), config, clock, () -> workers.forEach(TaskWorker::wake));
    scheduler.start();
  }

  @AfterEach
  void stopEngine() {
    workers.forEach(TaskWorker::stop);
    scheduler.stop();
  }

  private TaskWorker worker(int port) {
    return worker(port, config);
  }

  private TaskWorker worker(int port, EngineConfig config) {
    TaskWorker w = new TaskWorker(store, registry, json, config, clock);
    w.start(port);
    workers.add(w);
    return w;
  }

  private String submit(String jsonText) throws Exception {
    return queue.submit((ObjectNode) json.readTree(jsonText), task -> { });
  }

  private String noop(String name, long runTime) throws Exception {
    return submit("{\"type\":\"noop\",\"id\":\"" + run + "-" + name + "\",\"dataSource\":\"eng-" + run
        + "\",\"runTime\":" + runTime + "}");
  }

  private String locking(String name, String interval, long runTime) throws Exception {
    return submit("{\"type\":\"locking\",\"id\":\"" + run + "-" + name + "\",\"dataSource\":\"eng-" + run
        + "\",\"interval\":\"" + interval + "\",\"runTime\":" + runTime + "}");
  }

  private TaskRecord await(String id, Predicate<TaskRecord> p) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    TaskRecord r = store.taskReads().find(id).orElseThrow();
    while (!p.test(r)) {
      assertThat(System.nanoTime()).as("waiting on " + id + ", last " + r).isLessThan(deadline);
      Thread.sleep(10);
      r = store.taskReads().find(id).orElseThrow();
    }
    return r;
  }

  private TaskRecord awaitState(String id, TaskState s) throws InterruptedException {
    return await(id, r -> r.state() == s);
  }

  @Test
  void statesGoWaitingPendingRunningSuccessInOrder() throws Exception {
    String id = noop("order", 150);
    List<TaskState> seen = new ArrayList<>();
    seen.add(store.taskReads().find(id).orElseThrow().state());
    worker(7001);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (store.taskReads().find(id).orElseThrow().state().isActive() && System.nanoTime() < deadline) {
      TaskState s = store.taskReads().find(id).orElseThrow().state();
      if (seen.get(seen.size() - 1) != s) {
        seen.add(s);
      }
      Thread.sleep(2);
    }
    seen.add(store.taskReads().find(id).orElseThrow().state());
    assertThat(seen.get(0)).isEqualTo(TaskState.WAITING);
    assertThat(seen).containsSubsequence(TaskState.WAITING, TaskState.RUNNING, TaskState.SUCCESS);
    assertThat(seen).isSubsetOf(TaskState.WAITING, TaskState.PENDING, TaskState.RUNNING, TaskState.SUCCESS);
    TaskRecord done = store.taskReads().find(id).orElseThrow();
    assertThat(done.durationMs()).isGreaterThanOrEqualTo(150);
    assertThat(done.location().port()).isEqualTo(7001);
  }

  /** A task whose locks the database refuses (a year past PostgreSQL's range) fails alone; scheduling goes on. */
  @Test
  void aTaskTheDatabaseCannotLockFailsAndTheOthersRun() throws Exception {
    String poison = locking("poison", "+295000-01-01/+295001-01-01", 10);
    TaskRecord failed = awaitState(poison, TaskState.FAILED);
    assertThat(failed.errorMsg()).startsWith("Task cannot be scheduled: ").hasSizeLessThanOrEqualTo(103);
    worker(7009);
    String after = noop("after-poison", 10);
    awaitState(after, TaskState.SUCCESS);
    assertThat(scheduler.healthy()).isTrue();
  }

  @Test
  void capacityKeepsTheRestPending() throws Exception {
    String a = noop("a", 60_000);
    String b = noop("b", 60_000);
    String c = noop("c", 60_000);
    awaitState(a, TaskState.PENDING);
    worker(7002);
    awaitState(a, TaskState.RUNNING);
    awaitState(b, TaskState.RUNNING);
    Thread.sleep(200);
    assertThat(store.taskReads().find(c).orElseThrow().state()).isEqualTo(TaskState.PENDING);
    assertThat(queue.shutdown(a)).isEqualTo(TaskQueue.ShutdownOutcome.STOPPING);
    TaskRecord stopped = awaitState(a, TaskState.FAILED);
    assertThat(stopped.errorMsg()).isEqualTo("Shutdown request from user");
    assertThat(stopped.durationMs()).isEqualTo(-1);
    awaitState(c, TaskState.RUNNING);
    queue.shutdown(b);
    queue.shutdown(c);
    awaitState(c, TaskState.FAILED);
  }

  @Test
  void overlappingLockMakesTheSecondTaskWaitAndDisjointOneRuns() throws Exception {
    worker(7003);
    String first = locking("first", "2015-09-12/2015-09-13", 4_000);
    awaitState(first, TaskState.RUNNING);
    String second = locking("second", "2015-09-12T12:00:00Z/2015-09-12T13:00:00Z", 10);
    String other = locking("other", "2015-09-14/2015-09-15", 10);
    awaitState(other, TaskState.SUCCESS);
    assertThat(store.taskReads().find(second).orElseThrow().state()).as("first: " + store.taskReads().find(first).orElseThrow()).isEqualTo(TaskState.WAITING);
    awaitState(first, TaskState.SUCCESS);
    awaitState(second, TaskState.SUCCESS);
  }

  @Test
  void shutdownInEachActiveState() throws Exception {
    String holder = locking("holder", "2016-01-01/2016-01-02", 60_000);
    awaitState(holder, TaskState.PENDING);
    String waiting = locking("waiting", "2016-01-01/2016-01-02", 10);
    Thread.sleep(150);
    assertThat(store.taskReads().find(waiting).orElseThrow().state()).isEqualTo(TaskState.WAITING);
    assertThat(queue.shutdown(waiting)).isEqualTo(TaskQueue.ShutdownOutcome.STOPPING);
    TaskRecord w = store.taskReads().find(waiting).orElseThrow();
    assertThat(w.state()).isEqualTo(TaskState.FAILED);
    assertThat(w.errorMsg()).isEqualTo("Shutdown request from user");
    assertThat(w.durationMs()).isEqualTo(-1);

    // holder is PENDING: no worker yet
    assertThat(queue.shutdown(holder)).isEqualTo(TaskQueue.ShutdownOutcome.STOPPING);
    assertThat(store.taskReads().find(holder).orElseThrow().state()).isEqualTo(TaskState.FAILED);

    worker(7004);
    String running = noop("running", 60_000);
    awaitState(running, TaskState.RUNNING);
    queue.shutdown(running);
    TaskRecord r = awaitState(running, TaskState.FAILED);
    assertThat(r.errorMsg()).isEqualTo("Shutdown request from user");
    assertThat(queue.shutdown(running)).isEqualTo(TaskQueue.ShutdownOutcome.ALREADY_COMPLETE);
    assertThat(queue.shutdown("no-such-" + run)).isEqualTo(TaskQueue.ShutdownOutcome.NOT_FOUND);
    // the released lock lets a new task on the same chunk run
    String after = locking("after", "2016-01-01/2016-01-02", 10);
    awaitState(after, TaskState.SUCCESS);
  }

  /** The scheduler read the task as waiting; it is shut down before the scheduler promotes it. */
  @Test
  void aTaskShutDownWhileItIsPromotedKeepsNoLock() throws Exception {
    scheduler.stop();
    String id = locking("raced", "2017-01-01/2017-01-02", 10);
    WaitingTask read = store.scheduling().waiting(1000).stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    assertThat(queue.shutdown(id)).isEqualTo(TaskQueue.ShutdownOutcome.STOPPING);

    assertThat(store.scheduling().promoteToPending(read, clock.instant())).isFalse();
    assertThat(store.locks().conflicts("eng-" + run, "another-group", Interval.parse("2017-01-01/2017-01-02", '/')))
        .isZero();
    assertThat(store.taskReads().find(id).orElseThrow().state()).isEqualTo(TaskState.FAILED);
  }

  @Test
  void tasksOfAWorkerThatDiedFailOnItsRestart() throws Exception {
    String id = noop("orphan", 60_000);
    awaitState(id, TaskState.PENDING);
    // A worker process claims the task and dies before finishing: its row says RUNNING.
    store.workers().register("localhost:7005", "e1", "localhost", 7005, 2, clock.instant());
    assertThat(store.scheduling().claimPending("localhost:7005", "e1", "localhost", 7005, 10, clock.instant())).extracting("id").contains(id);
    worker(7005);
    TaskRecord r = awaitState(id, TaskState.FAILED);
    assertThat(r.errorMsg()).contains("localhost:7005").contains("stopped");
  }

  @Test
  void tasksOfASilentWorkerFail() throws Exception {
    String id = noop("silent", 60_000);
    awaitState(id, TaskState.PENDING);
    store.workers().register("ghost:1", "g1", "ghost", 1, 2, clock.instant());
    assertThat(store.scheduling().claimPending("ghost:1", "g1", "ghost", 1, 10, clock.instant())).extracting("id").contains(id);
    TaskRecord r = awaitState(id, TaskState.FAILED);
    assertThat(r.errorMsg()).contains("ghost:1").contains("stopped responding");
  }

  /**
   * A worker declared dead (paused past the timeout) cannot claim or heartbeat under its old
   * registration; a task it claimed in between is failed; a live one registers again as new.
   */
  @Test
  void aWorkerDeclaredDeadIsFencedOff() throws Exception {
    String id = noop("fenced", 60_000);
    awaitState(id, TaskState.PENDING);
    store.workers().register("zombie:1", "z1", "zombie", 1, 2, clock.instant());
    store.workers().remove("zombie:1"); // the scheduler declared it dead
    assertThat(store.workers().heartbeat("zombie:1", "z1", clock.instant())).isZero();
    assertThat(store.scheduling().claimPending("zombie:1", "z1", "zombie", 1, 10, clock.instant())).isEmpty();

    // claimed just before it was declared dead: failed, not left RUNNING
    store.workers().register("zombie:2", "z2", "zombie", 2, 2, clock.instant());
    assertThat(store.scheduling().claimPending("zombie:2", "z2", "zombie", 2, 10, clock.instant())).extracting("id").contains(id);
    store.workers().remove("zombie:2");
    assertThat(awaitState(id, TaskState.FAILED).errorMsg()).contains("no longer registered");

    TaskWorker live = worker(7011);
    store.workers().remove(live.workerId());
    String after = noop("after-fencing", 10);
    awaitState(after, TaskState.SUCCESS); // it registered again, as new, and ran it
  }

  /** A stopping worker lets what runs finish within its drain timeout, claims nothing more, and fails the rest. */
  @Test
  void aStoppingWorkerDrainsWhatItRuns() throws Exception {
    EngineConfig draining = new EngineConfig("localhost", 2, config.tick(), config.heartbeatPeriod(),
        Duration.ofSeconds(5), Duration.ofMillis(1_500), config.deepStorage(), config.workDir());
    TaskWorker w = worker(7012, draining);
    String quick = noop("drained", 600);
    String slow = noop("too-slow", 60_000);
    awaitState(quick, TaskState.RUNNING);
    awaitState(slow, TaskState.RUNNING);
    String later = noop("not-claimed", 10);
    awaitState(later, TaskState.PENDING);

    w.stop();

    assertThat(store.taskReads().find(quick).orElseThrow().state()).isEqualTo(TaskState.SUCCESS);
    TaskRecord failed = awaitState(slow, TaskState.FAILED);
    assertThat(failed.errorMsg()).isEqualTo("Worker[localhost:7012] shut down while the task was running"
        + " (drain timeout PT1.5S)");
    assertThat(store.taskReads().find(later).orElseThrow().state()).as("claimed by no one while draining")
        .isEqualTo(TaskState.PENDING);
    worker(7013);
    awaitState(later, TaskState.SUCCESS);
  }

  /** Each run is recorded once, naming its worker: the audit log proves a task ran exactly once, and where. */
  @Test
  void eachRunIsAuditedWithItsWorker() throws Exception {
    worker(7014);
    String id = noop("audited", 10);
    awaitState(id, TaskState.SUCCESS);
    List<String> runs = jdbi.withHandle(h -> h.createQuery("SELECT detail FROM audit_log WHERE task_id = :id"
        + " AND action = 'task.run'").bind("id", id).mapTo(String.class).list());
    assertThat(runs).containsExactly("localhost:7014");
  }

  /** Read as silent, then restarted before it was removed: the fresh registration stands, and its tasks run. */
  @Test
  void aWorkerThatCameBackIsNotDeclaredDead() {
    java.time.Instant longAgo = clock.instant().minusSeconds(60);
    store.workers().register("back:1", "old", "back", 1, 2, longAgo);
    java.time.Instant cutoff = clock.instant().minus(config.workerTimeout());
    assertThat(store.workers().silentSince(cutoff)).contains("back:1");
    store.workers().register("back:1", "new", "back", 1, 2, clock.instant());
    assertThat(store.workers().removeIfSilent("back:1", cutoff)).isZero();
    assertThat(store.workers().heartbeat("back:1", "new", clock.instant())).isOne();
    store.workers().remove("back:1");
  }
}
