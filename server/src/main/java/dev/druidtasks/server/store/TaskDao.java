package dev.druidtasks.server.store;

import dev.druidtasks.server.task.DataSegment;
import dev.druidtasks.server.task.ErrorMessages;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.core.result.ResultIterator;
import org.jdbi.v3.sqlobject.CreateSqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.BindMethodsList;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** The tasks table and the transactions of a task's life. Lists select the narrow columns; payloads are read by id. */
@RegisterConstructorMapper(TaskRecord.class)
@RegisterConstructorMapper(WaitingTask.class)
@RegisterConstructorMapper(ClaimedTask.class)
public interface TaskDao {
  /** The row as Druid shows it: the epoch as queue time once complete. */
  String COLS = "id, group_id, type, datasource, created_time,"
      + " CASE WHEN active THEN queue_insertion_time ELSE TIMESTAMPTZ 'epoch' END AS queue_insertion_time, state,"
      + " duration_ms, error_msg, location_host, location_port, location_tls_port";
  /** The filters of a list, one fragment each; a list's statement has only those it uses (no plan flips). */
  String BY_DATASOURCE = " AND datasource = :dataSource";
  String BY_TYPE = " AND type = :type";
  String CREATED_FROM = " AND created_time >= :from";
  String CREATED_TO = " AND created_time < :to";
  /** Rows a list fetches at a time: with autocommit off PostgreSQL then reads them through a cursor. */
  int LIST_FETCH_SIZE = 256;

  @CreateSqlObject
  LockDao locks();

  @CreateSqlObject
  SegmentDao segments();

  @CreateSqlObject
  AuditDao audit();

  @SqlUpdate("INSERT INTO tasks (id, group_id, type, datasource, priority, created_time, queue_insertion_time, state,"
      + " active, payload) VALUES (:id, :groupId, :type, :dataSource, :priority, :createdTime, :createdTime, 'WAITING',"
      + " true, CAST(:payloadJson AS json)) ON CONFLICT (id) DO NOTHING")
  int insertRow(@BindMethods NewTask task);


  /** The row and audit line of a new task in one statement; selects the inserted ids. */
  String INSERT_TASK = "WITH task AS (INSERT INTO tasks (id, group_id, type, datasource, priority, created_time,"
      + " queue_insertion_time, state, active, payload) VALUES (:id, :groupId, :type, :dataSource, :priority,"
      + " :createdTime, :createdTime, 'WAITING', true, CAST(:payloadJson AS json)) ON CONFLICT (id) DO NOTHING"
      + " RETURNING id, datasource, created_time),"
      + " audit AS (INSERT INTO audit_log (audit_time, action, task_id, datasource)"
      + " SELECT created_time, 'task.submit', id, datasource FROM task)";

  /** Stores a new task that locks nothing, with its audit line: one round trip, one commit; 0 when the id is taken. */
  @SqlQuery(INSERT_TASK + " SELECT count(*) FROM task")
  int insertAlone(@BindMethods NewTask task);

  /** As {@link #insertAlone}, with the intervals the task must lock. */
  @SqlQuery(INSERT_TASK + ", locks AS (INSERT INTO task_lock_intervals (task_id, start_time, end_time)"
      + " SELECT task.id, CAST(i.start_time AS timestamptz), CAST(i.end_time AS timestamptz)"
      + " FROM task, (VALUES <locks>) AS i(start_time, end_time) ON CONFLICT DO NOTHING)"
      + " SELECT count(*) FROM task")
  int insertWithLocks(@BindMethods NewTask task,
      @BindMethodsList(value = "locks", methodNames = {"start", "end"}) List<Interval> locks);

  @SqlBatch("INSERT INTO task_lock_intervals (task_id, start_time, end_time) VALUES (:task, :start, :end)"
      + " ON CONFLICT DO NOTHING")
  void insertLockIntervals(@Bind("task") String taskId, @BindMethods Iterable<?> intervals);

  /** Lock intervals one statement binds at most; a task with more stores them in a batch. */
  int LOCKS_IN_ONE_STATEMENT = 500;

  /** How the errorMsg of a task that cannot be scheduled begins. */
  String NOT_SCHEDULABLE = "Task cannot be scheduled: ";

  /**
   * Stores a new task as WAITING, with the intervals it must lock, in one statement where it can; one
   * that must lock years the database cannot store is stored FAILED, alone.
   */
  default void insert(NewTask t) throws DuplicateTaskException {
    List<Interval> locks = t.lockIntervals();
    boolean oneStatement = locks.size() <= LOCKS_IN_ONE_STATEMENT && locks.stream().allMatch(Interval::storable);
    if (!oneStatement) {
      insertInSteps(t);
    } else if ((locks.isEmpty() ? insertAlone(t) : insertWithLocks(t, locks)) == 0) {
      throw new DuplicateTaskException(t.id());
    }
  }

  @Transaction
  default void insertInSteps(NewTask t) throws DuplicateTaskException {
    if (insertRow(t) == 0) {
      throw new DuplicateTaskException(t.id());
    }
    audit().record(t.createdTime(), "task.submit", t.id(), t.dataSource(), null);
    Optional<Interval> unstorable = t.lockIntervals().stream().filter(i -> !i.storable()).findFirst();
    if (unstorable.isPresent()) {
      failWaitingOrPending(t.id(), ErrorMessages.truncate(NOT_SCHEDULABLE + "lock interval [" + unstorable.get()
          + "] lies outside the years the database stores"), t.createdTime());
      return;
    }
    insertLockIntervals(t.id(), t.lockIntervals());
  }

  @SqlQuery("SELECT " + COLS + " FROM tasks WHERE id = :id")
  Optional<TaskRecord> find(@Bind("id") String id);

  @SqlQuery("SELECT payload::text FROM tasks WHERE id = :id")
  Optional<String> payload(@Bind("id") String id);

  @SqlQuery("SELECT " + COLS + " FROM tasks WHERE id = ANY(:ids)")
  List<TaskRecord> findAll(@Bind("ids") String... ids);

  /** Active tasks, oldest first, as Druid's queue lists them; {@code filters} from {@link TaskFilter#sql()}. */
  @SqlQuery("SELECT " + COLS + " FROM tasks WHERE active AND state = ANY(:states)<filters> ORDER BY created_time, id")
  @FetchSize(LIST_FETCH_SIZE)
  @AllowUnusedBindings
  ResultIterable<TaskRecord> activeRows(@Bind("states") String[] states, @Define("filters") String filters,
      @BindMethods TaskFilter filter);

  /** Complete tasks, newest first, at most {@code max} (null: all). */
  @SqlQuery("SELECT " + COLS + " FROM tasks WHERE NOT active AND state = ANY(:states)<filters>"
      + " ORDER BY created_time DESC, id DESC LIMIT :max")
  @FetchSize(LIST_FETCH_SIZE)
  @AllowUnusedBindings
  ResultIterable<TaskRecord> completeRows(@Bind("states") String[] states, @Define("filters") String filters,
      @BindMethods TaskFilter filter, @Bind("max") Integer max);

  /**
   * Runs {@code reads} in one snapshot: a list read in two statements (complete, then active) sees each
   * task once, in one state, even when it completes between them.
   */
  @Transaction
  default void inOneSnapshot(Consumer<TaskDao> reads) {
    repeatableRead();
    reads.accept(this);
  }

  /**
   * The transaction's first statement, sent with its BEGIN: Jdbi's own isolation setting would read the
   * session's level, set it and set it back, three more round trips a list.
   */
  @SqlUpdate("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
  void repeatableRead();

  /** Hands each active task of the list to {@code sink} as it is read: one transaction, so one cursor. */
  @Transaction
  default void eachActive(String[] states, TaskFilter filter, Consumer<TaskRecord> sink) {
    try (ResultIterator<TaskRecord> rows = activeRows(states, filter.sql(), filter).iterator()) {
      rows.forEachRemaining(sink);
    }
  }

  /** Hands each complete task of the list to {@code sink} as it is read: one transaction, so one cursor. */
  @Transaction
  default void eachComplete(String[] states, TaskFilter filter, Integer max, Consumer<TaskRecord> sink) {
    try (ResultIterator<TaskRecord> rows = completeRows(states, filter.sql(), filter, max).iterator()) {
      rows.forEachRemaining(sink);
    }
  }

  @SqlQuery("SELECT id, group_id, datasource FROM tasks WHERE active AND state = 'WAITING' ORDER BY created_time, id"
      + " LIMIT :limit")
  List<WaitingTask> waiting(@Bind("limit") int limit);

  /** Holds a waiting task's row: a shutdown, or a second scheduler in a leadership hand-over, waits its turn. */
  @SqlQuery("SELECT id FROM tasks WHERE id = :id AND state = 'WAITING' FOR UPDATE")
  Optional<String> holdWaiting(@Bind("id") String id);

  @SqlUpdate("UPDATE tasks SET state = 'PENDING' WHERE id = :id AND state = 'WAITING'")
  int markPending(@Bind("id") String id);

  /**
   * Takes every lock a waiting task needs and makes it pending, or does nothing when another group
   * holds an overlapping lock, or when the task is no longer waiting (shut down, or promoted by a
   * leader that has just lost the lead). Returns whether the task is now pending.
   */
  @Transaction
  default boolean promoteToPending(WaitingTask t, Instant now) {
    return holdWaiting(t.id()).isPresent() && locks().lockAll(t, now) && markPending(t.id()) == 1;
  }

  @SqlQuery("SELECT id FROM tasks WHERE active AND state = 'PENDING' ORDER BY created_time, id LIMIT :limit"
      + " FOR UPDATE SKIP LOCKED")
  List<String> lockPending(@Bind("limit") int limit);

  @SqlQuery("UPDATE tasks SET state = 'RUNNING', worker_id = :worker, location_host = :host,"
      + " location_port = :port, location_tls_port = -1, started_time = :now"
      + " WHERE id = :id AND state = 'PENDING' RETURNING id, group_id, datasource, payload::text AS payload_json")
  Optional<ClaimedTask> markRunning(@Bind("id") String id, @Bind("worker") String workerId,
      @Bind("host") String host, @Bind("port") int port, @Bind("now") Instant now);

  /** Holds the registration while claiming, so that it cannot be removed half-way. */
  @SqlQuery("SELECT id FROM workers WHERE id = :id AND epoch = :epoch FOR SHARE")
  Optional<String> holdRegistration(@Bind("id") String id, @Bind("epoch") String epoch);

  /**
   * Moves up to {@code limit} pending tasks, oldest first, to RUNNING on this worker, only while
   * its registration ({@code epoch}) stands.
   */
  @Transaction
  default List<ClaimedTask> claimPending(String workerId, String epoch, String host, int port, int limit,
      Instant now) {
    List<ClaimedTask> out = new ArrayList<>();
    if (limit > 0 && holdRegistration(workerId, epoch).isPresent()) {
      for (String id : lockPending(limit)) {
        markRunning(id, workerId, host, port, now).ifPresent(out::add);
      }
      // one line a run: which worker ran the task, and that it ran once
      out.forEach(c -> audit().record(now, "task.run", c.id(), c.dataSource(), workerId));
    }
    return out;
  }

  /**
   * Ends a running task; its duration is the time since it started, in milliseconds, except for a
   * task shut down on request, which keeps -1 as in Druid.
   */
  @SqlUpdate("UPDATE tasks SET state = :state, active = false,"
      + " duration_ms = CASE WHEN shutdown_requested THEN -1 ELSE"
      + " GREATEST(0, CAST(EXTRACT(EPOCH FROM (CAST(:now AS timestamptz) - started_time)) * 1000 AS bigint)) END,"
      + " error_msg = :error, completed_time = :now WHERE id = :id AND state = 'RUNNING'")
  int completeRunning(@Bind("id") String id, @Bind("state") TaskState state, @Bind("error") String errorMsg,
      @Bind("now") Instant now);

  /**
   * Ends a running task: its status, its locks released, and (on success) its segments published
   * with older versions of the same chunks overshadowed, all in one transaction. False when the
   * task was not running (already ended elsewhere).
   */
  @Transaction
  default boolean record(String taskId, boolean succeeded, String errorMsg, List<DataSegment> segments,
      Instant now) {
    if (completeRunning(taskId, succeeded ? TaskState.SUCCESS : TaskState.FAILED, errorMsg, now) == 0) {
      return false;
    }
    locks().release(taskId);
    if (succeeded) {
      segments().publish(taskId, segments, now);
    }
    audit().record(now, succeeded ? "task.success" : "task.failed", taskId, null, errorMsg);
    return true;
  }

  /** {@link #record}; a result the database refuses (a value out of range) fails the task instead. */
  default boolean complete(String taskId, boolean succeeded, String errorMsg, List<DataSegment> segments,
      Instant now) {
    try {
      return record(taskId, succeeded, errorMsg, segments, now);
    } catch (RuntimeException e) {
      RuntimeException c = UnstorableDataException.classify(e);
      if (!(c instanceof UnstorableDataException)) {
        throw c;
      }
      return record(taskId, false, ErrorMessages.truncate("Task result could not be stored: " + c.getMessage()),
          List.of(), now);
    }
  }

  @SqlUpdate("UPDATE tasks SET state = 'FAILED', active = false, duration_ms = -1, error_msg = :error,"
      + " completed_time = :now WHERE id = :id AND state IN ('WAITING', 'PENDING')")
  int failWaitingOrPending(@Bind("id") String id, @Bind("error") String errorMsg, @Bind("now") Instant now);

  /** Fails a task that never started (waiting or pending); false when it had already started or ended. */
  @Transaction
  default boolean failNotStarted(String taskId, String errorMsg, Instant now) {
    if (failWaitingOrPending(taskId, errorMsg, now) == 0) {
      return false;
    }
    locks().release(taskId);
    audit().record(now, "task.shutdown", taskId, null, errorMsg);
    return true;
  }

  @SqlUpdate("UPDATE tasks SET shutdown_requested = true WHERE id = :id AND active")
  int markShutdownRequested(@Bind("id") String id);

  @Transaction
  default boolean requestShutdown(String taskId, Instant now) {
    if (markShutdownRequested(taskId) == 0) {
      return false;
    }
    audit().record(now, "task.shutdown.requested", taskId, null, null);
    return true;
  }

  @SqlQuery("SELECT id FROM tasks WHERE datasource = :ds AND active ORDER BY created_time, id")
  List<String> activeIdsOf(@Bind("ds") String dataSource);

  @SqlQuery("SELECT id FROM tasks WHERE state = 'RUNNING' AND worker_id = :worker AND shutdown_requested")
  List<String> shutdownRequestedOn(@Bind("worker") String workerId);

  @SqlQuery("SELECT id FROM tasks WHERE state = 'RUNNING' AND worker_id = :worker")
  List<String> runningOn(@Bind("worker") String workerId);

  /** Running tasks whose worker is not registered (it was declared dead, or stopped without ending them). */
  @SqlQuery("SELECT id FROM tasks WHERE state = 'RUNNING'"
      + " AND NOT EXISTS (SELECT 1 FROM workers w WHERE w.id = tasks.worker_id)")
  List<String> runningOnUnregisteredWorkers();
}
