package dev.druidtasks.server.store;

import dev.druidtasks.server.task.DataSegment;
import dev.druidtasks.server.task.ErrorMessages;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.CreateSqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.BindMethodsList;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** The writes of a task's life: its submission, its end (with locks, segments and audit), a shutdown asked for. */
public interface TaskDao {
  @CreateSqlObject
  LockDao locks();

  @CreateSqlObject
  SegmentDao segments();

  @CreateSqlObject
  AuditDao audit();

  String INSERT_ROW = "INSERT INTO tasks (id, group_id, type, datasource, priority, created_time, queue_insertion_time,"
      + " state, active, payload) VALUES (:id, :groupId, :type, :dataSource, :priority, :createdTime, :createdTime,"
      + " 'WAITING', true, CAST(:payloadJson AS json)) ON CONFLICT (id) DO NOTHING";

  @SqlUpdate(INSERT_ROW)
  int insertRow(@BindMethods NewTask task);

  /** The row and audit line of a new task in one statement; selects the inserted ids. */
  String INSERT_TASK = "WITH task AS (" + INSERT_ROW + " RETURNING id, datasource, created_time),"
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
}
