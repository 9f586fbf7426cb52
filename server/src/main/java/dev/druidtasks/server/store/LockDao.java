package dev.druidtasks.server.store;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Time-chunk locks. Callers serialise per data source with {@link #serialise}. */
interface LockDao {
  /** Holds a transaction-scoped advisory lock for the data source, so lock checks and inserts do not race. */
  @SqlQuery("SELECT pg_advisory_xact_lock(hashtext('lock:' || :ds)) IS NOT NULL")
  boolean serialise(@Bind("ds") String dataSource);

  @SqlQuery("SELECT count(*) FROM task_locks WHERE datasource = :ds AND group_id <> :group"
      + " AND start_time < :end AND end_time > :start")
  int conflicts(@Bind("ds") String dataSource, @Bind("group") String groupId, @Bind("start") Timestamp start,
      @Bind("end") Timestamp end);

  @SqlQuery("SELECT version FROM task_locks WHERE task_id = :task AND start_time <= :start AND end_time >= :end"
      + " LIMIT 1")
  Optional<String> heldVersion(@Bind("task") String taskId, @Bind("start") Timestamp start,
      @Bind("end") Timestamp end);

  @SqlUpdate("INSERT INTO task_locks (task_id, group_id, datasource, start_time, end_time, version)"
      + " VALUES (:task, :group, :ds, :start, :end, :version) ON CONFLICT DO NOTHING")
  int insert(@Bind("task") String taskId, @Bind("group") String groupId, @Bind("ds") String dataSource,
      @Bind("start") Timestamp start, @Bind("end") Timestamp end, @Bind("version") String version);

  @SqlUpdate("DELETE FROM task_locks WHERE task_id = :task")
  int release(@Bind("task") String taskId);

  @SqlQuery("SELECT max(version) FROM segments WHERE datasource = :ds AND start_time < :end AND end_time > :start")
  Optional<String> maxSegmentVersion(@Bind("ds") String dataSource, @Bind("start") Timestamp start,
      @Bind("end") Timestamp end);

  @SqlQuery("SELECT task_id FROM task_locks WHERE datasource = :ds")
  List<String> holders(@Bind("ds") String dataSource);
}
