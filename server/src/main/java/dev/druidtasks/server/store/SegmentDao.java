package dev.druidtasks.server.store;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Published and pending segments. */
interface SegmentDao {
  @SqlUpdate("INSERT INTO segments (id, datasource, start_time, end_time, version, partition_num, used, task_id,"
      + " created_time, num_rows, size_bytes, payload) VALUES (:id, :ds, :start, :end, :version, :partition, true,"
      + " :task, :now, :rows, :size, CAST(:payload AS json))")
  void insert(@Bind("id") String id, @Bind("ds") String dataSource, @Bind("start") Timestamp start,
      @Bind("end") Timestamp end, @Bind("version") String version, @Bind("partition") int partitionNum,
      @Bind("task") String taskId, @Bind("now") Timestamp now, @Bind("rows") long numRows,
      @Bind("size") long sizeBytes, @Bind("payload") String payloadJson);

  /** Older versions inside a chunk a new version now covers stop being used. */
  @SqlUpdate("UPDATE segments SET used = false WHERE datasource = :ds AND used AND version < :version"
      + " AND start_time >= :start AND end_time <= :end")
  int overshadow(@Bind("ds") String dataSource, @Bind("start") Timestamp start, @Bind("end") Timestamp end,
      @Bind("version") String version);

  @SqlQuery("SELECT payload::text FROM segments WHERE datasource = :ds AND used AND start_time < :end"
      + " AND end_time > :start ORDER BY start_time, version, partition_num")
  List<String> used(@Bind("ds") String dataSource, @Bind("start") Timestamp start, @Bind("end") Timestamp end);

  @SqlQuery("SELECT payload::text FROM segments WHERE task_id = :task ORDER BY start_time, partition_num")
  List<String> ofTask(@Bind("task") String taskId);

  @SqlQuery("SELECT GREATEST("
      + "(SELECT max(partition_num) FROM segments WHERE datasource = :ds AND start_time = :start AND end_time = :end"
      + " AND version = :version),"
      + "(SELECT max(partition_num) FROM pending_segments WHERE datasource = :ds AND start_time = :start"
      + " AND end_time = :end AND version = :version))")
  Optional<Integer> maxPartition(@Bind("ds") String dataSource, @Bind("start") Timestamp start,
      @Bind("end") Timestamp end, @Bind("version") String version);

  @SqlUpdate("INSERT INTO pending_segments (id, datasource, start_time, end_time, version, partition_num, task_id,"
      + " created_time) VALUES (:id, :ds, :start, :end, :version, :partition, :task, :now)")
  void insertPending(@Bind("id") String id, @Bind("ds") String dataSource, @Bind("start") Timestamp start,
      @Bind("end") Timestamp end, @Bind("version") String version, @Bind("partition") int partitionNum,
      @Bind("task") String taskId, @Bind("now") Timestamp now);

  @SqlUpdate("DELETE FROM pending_segments WHERE datasource = :ds AND created_time >= :from AND created_time < :to")
  int deletePending(@Bind("ds") String dataSource, @Bind("from") Timestamp from, @Bind("to") Timestamp to);

  @SqlQuery("SELECT count(*) FROM pending_segments WHERE datasource = :ds")
  int countPending(@Bind("ds") String dataSource);
}
