package dev.druidtasks.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.druidtasks.server.task.TaskState;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.json.Json;
import org.jdbi.v3.sqlobject.CreateSqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** What the control API does to the database: wipe every task's traces, end a task now, list submissions. */
public interface ControlDao {
  @CreateSqlObject
  LockDao locks();

  @CreateSqlObject
  AuditDao audit();

  /** Above this many tasks a reset truncates (constant time); below, deleting rows is quicker than new files. */
  int TRUNCATE_ABOVE = 10_000;

  /** Every task, lock, log, report, segment, pending segment and audit line; workers, leadership and users stay. */
  @SqlUpdate("TRUNCATE tasks, task_lock_intervals, task_locks, task_log_chunks, task_reports, segments,"
      + " pending_segments, audit_log")
  void truncateTaskState();

  @SqlQuery("SELECT count(*) FROM (SELECT 1 FROM tasks LIMIT :limit) AS first_tasks")
  int countTasksUpTo(@Bind("limit") int limit);

  /** Deletes every row of one of the task tables (named by the code, never by a caller). */
  @SqlUpdate("DELETE FROM <table>")
  void deleteAll(@Define("table") String table);

  /** Wipes what {@link #truncateTaskState} does, in one transaction, in milliseconds whatever is stored. */
  @Transaction
  default void wipeTaskState() {
    if (countTasksUpTo(TRUNCATE_ABOVE + 1) > TRUNCATE_ABOVE) {
      truncateTaskState();
    } else {
      for (String table : List.of("task_lock_intervals", "task_locks", "task_log_chunks", "task_reports",
          "pending_segments", "segments", "audit_log", "tasks")) {
        deleteAll(table);
      }
    }
  }

  /** A submitted task, as it was stored. */
  record Submitted(String id, String type, String dataSource,
      @JsonSerialize(using = TaskRecord.WireInstant.class) Instant createdTime, @Json JsonNode payload) { }

  /** Submissions oldest first, of a type and a data source when given. */
  @SqlQuery("SELECT id, type, datasource AS data_source, created_time, payload FROM tasks"
      + " WHERE (CAST(:type AS varchar) IS NULL OR type = :type) AND (CAST(:ds AS varchar) IS NULL OR datasource = :ds)"
      + " ORDER BY created_time, id LIMIT :max")
  @RegisterConstructorMapper(Submitted.class)
  List<Submitted> submitted(@Bind("type") String type, @Bind("ds") String dataSource, @Bind("max") int max);

  /** Ends an active task in any state; a started one gets its run time as duration, the others -1. */
  @SqlUpdate("UPDATE tasks SET state = :state, active = false,"
      + " duration_ms = CASE WHEN started_time IS NULL THEN -1 ELSE"
      + " GREATEST(0, CAST(EXTRACT(EPOCH FROM (CAST(:now AS timestamptz) - started_time)) * 1000 AS bigint)) END,"
      + " error_msg = :error, completed_time = :now WHERE id = :id AND active")
  int endActive(@Bind("id") String id, @Bind("state") TaskState state, @Bind("error") String errorMsg,
      @Bind("now") Instant now);

  /** {@link #endActive}, its locks released; false when the task was not active. */
  @Transaction
  default boolean endNow(String id, boolean succeeded, String errorMsg, Instant now) {
    if (endActive(id, succeeded ? TaskState.SUCCESS : TaskState.FAILED, errorMsg, now) == 0) {
      return false;
    }
    locks().release(id);
    audit().record(now, succeeded ? "task.success" : "task.failed", id, null, "set through the control API");
    return true;
  }
}
