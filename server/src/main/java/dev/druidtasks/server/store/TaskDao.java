package dev.druidtasks.server.store;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The tasks table. Lists select the narrow columns only; payloads are read by id. */
@RegisterRowMapper(TaskRecordMapper.class)
@RegisterConstructorMapper(WaitingTask.class)
@RegisterConstructorMapper(ClaimedTask.class)
interface TaskDao {
  String COLS = "id, group_id, type, datasource, created_time, queue_insertion_time, state,"
      + " duration_ms, error_msg, location_host, location_port, location_tls_port, worker_id, shutdown_requested";

  @SqlUpdate("INSERT INTO tasks (id, group_id, type, datasource, created_time, queue_insertion_time, state, active,"
      + " payload, lock_intervals) VALUES (:id, :groupId, :type, :dataSource, :created, :created, 'WAITING', true,"
      + " CAST(:payload AS json), :lockIntervals) ON CONFLICT (id) DO NOTHING")
  int insert(@Bind("id") String id, @Bind("groupId") String groupId, @Bind("type") String type,
      @Bind("dataSource") String dataSource, @Bind("created") Timestamp created, @Bind("payload") String payload,
      @Bind("lockIntervals") String lockIntervals);

  @SqlQuery("SELECT " + COLS + " FROM tasks WHERE id = :id")
  Optional<TaskRecord> find(@Bind("id") String id);

  @SqlQuery("SELECT payload::text FROM tasks WHERE id = :id")
  Optional<String> payload(@Bind("id") String id);

  @SqlQuery("SELECT " + COLS + " FROM tasks WHERE id = ANY(:ids)")
  List<TaskRecord> findAll(@Bind("ids") String[] ids);

  /** Active tasks, oldest first, as Druid's queue lists them. Null filters do not filter. */
  @SqlQuery("SELECT " + COLS + " FROM tasks WHERE active AND state = ANY(:states)"
      + " AND (CAST(:ds AS varchar) IS NULL OR datasource = :ds)"
      + " AND (CAST(:type AS varchar) IS NULL OR type = :type)"
      + " AND (CAST(:from AS timestamptz) IS NULL OR created_time >= :from)"
      + " AND (CAST(:to AS timestamptz) IS NULL OR created_time < :to)"
      + " ORDER BY created_time, id")
  List<TaskRecord> listActive(@Bind("states") String[] states, @Bind("ds") String dataSource,
      @Bind("type") String type, @Bind("from") Timestamp from, @Bind("to") Timestamp to);

  /** Complete tasks, newest first, at most {@code max} (null: all). */
  @SqlQuery("SELECT " + COLS + " FROM tasks WHERE NOT active AND state = ANY(:states)"
      + " AND (CAST(:ds AS varchar) IS NULL OR datasource = :ds)"
      + " AND (CAST(:type AS varchar) IS NULL OR type = :type)"
      + " AND (CAST(:from AS timestamptz) IS NULL OR created_time >= :from)"
      + " AND (CAST(:to AS timestamptz) IS NULL OR created_time < :to)"
      + " ORDER BY created_time DESC, id DESC LIMIT :max")
  List<TaskRecord> listComplete(@Bind("states") String[] states, @Bind("ds") String dataSource,
      @Bind("type") String type, @Bind("from") Timestamp from, @Bind("to") Timestamp to,
      @Bind("max") Integer max);

  @SqlQuery("SELECT id, group_id, datasource AS data_source, lock_intervals AS lock_intervals_json FROM tasks WHERE state = 'WAITING'"
      + " ORDER BY created_time, id LIMIT :limit")
  List<WaitingTask> waiting(@Bind("limit") int limit);

  @SqlUpdate("UPDATE tasks SET state = 'PENDING' WHERE id = :id AND state = 'WAITING'")
  int markPending(@Bind("id") String id);

  @SqlQuery("SELECT id FROM tasks WHERE state = 'PENDING' ORDER BY created_time, id LIMIT :limit"
      + " FOR UPDATE SKIP LOCKED")
  List<String> lockPending(@Bind("limit") int limit);

  @SqlQuery("UPDATE tasks SET state = 'RUNNING', worker_id = :worker, location_host = :host,"
      + " location_port = :port, location_tls_port = -1, started_time = :now"
      + " WHERE id = :id AND state = 'PENDING' RETURNING id, group_id, datasource AS data_source, payload::text AS payload_json")
  Optional<ClaimedTask> markRunning(@Bind("id") String id, @Bind("worker") String workerId,
      @Bind("host") String host, @Bind("port") int port, @Bind("now") Timestamp now);

  /**
   * Ends a running task; its duration is the time since it started, in milliseconds, except for a
   * task shut down on request, which keeps -1 as in Druid.
   */
  @SqlUpdate("UPDATE tasks SET state = :state, active = false,"
      + " duration_ms = CASE WHEN shutdown_requested THEN -1 ELSE"
      + " GREATEST(0, CAST(EXTRACT(EPOCH FROM (CAST(:now AS timestamptz) - started_time)) * 1000 AS bigint)) END,"
      + " error_msg = :error, completed_time = :now WHERE id = :id AND state = 'RUNNING'")
  int completeRunning(@Bind("id") String id, @Bind("state") String state, @Bind("error") String errorMsg,
      @Bind("now") Timestamp now);

  @SqlUpdate("UPDATE tasks SET state = 'FAILED', active = false, duration_ms = -1, error_msg = :error,"
      + " completed_time = :now WHERE id = :id AND state IN ('WAITING', 'PENDING')")
  int failNotStarted(@Bind("id") String id, @Bind("error") String errorMsg, @Bind("now") Timestamp now);

  @SqlUpdate("UPDATE tasks SET shutdown_requested = true WHERE id = :id AND active")
  int requestShutdown(@Bind("id") String id);

  @SqlQuery("SELECT id FROM tasks WHERE datasource = :ds AND active ORDER BY created_time, id")
  List<String> activeIdsOf(@Bind("ds") String dataSource);

  @SqlQuery("SELECT id FROM tasks WHERE state = 'RUNNING' AND worker_id = :worker AND shutdown_requested")
  List<String> shutdownRequestedOn(@Bind("worker") String workerId);

  @SqlQuery("SELECT id FROM tasks WHERE state = 'RUNNING' AND worker_id = :worker")
  List<String> runningOn(@Bind("worker") String workerId);

  @SqlQuery("SELECT id FROM tasks WHERE state = 'RUNNING'"
      + " AND NOT EXISTS (SELECT 1 FROM workers w WHERE w.id = tasks.worker_id)")
  List<String> runningOnUnregisteredWorkers();

  @SqlQuery("SELECT " + COLS + " FROM tasks WHERE datasource = :ds AND active AND created_time < :before"
      + " ORDER BY created_time LIMIT 1")
  Optional<TaskRecord> activeCreatedBefore(@Bind("ds") String dataSource, @Bind("before") Timestamp before);
}
