package dev.druidtasks.server.store;

import dev.druidtasks.server.task.DataSegment;
import dev.druidtasks.server.task.Interval;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.json.Json;
import org.jdbi.v3.sqlobject.CreateSqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Published and pending segments. */
public interface SegmentDao {
  @CreateSqlObject
  LockDao locks();

  @CreateSqlObject
  AuditDao audit();

  @SqlBatch("INSERT INTO segments (id, datasource, start_time, end_time, version, partition_num, used, task_id,"
      + " created_time, num_rows, size_bytes, payload) VALUES (:s.id, :s.dataSource, :s.interval.start,"
      + " :s.interval.end, :s.version, :s.partitionNum, true, :task, :now, :s.numRows, :s.size, CAST(:json AS json))")
  void insert(@Bind("task") String taskId, @Bind("now") Instant now, @BindMethods("s") List<DataSegment> segments,
      @Bind("json") @Json List<DataSegment> json);

  /** Older versions inside a chunk a new version now covers stop being used. */
  @SqlBatch("UPDATE segments SET used = false WHERE datasource = :s.dataSource AND used AND version < :s.version"
      + " AND start_time >= :s.interval.start AND end_time <= :s.interval.end")
  void overshadow(@BindMethods("s") List<DataSegment> segments);

  /** Publishes; appended segments carry the chunk's existing version, so only older versions are overshadowed. */
  default void publish(String taskId, List<DataSegment> segments, Instant now) {
    if (!segments.isEmpty()) {
      insert(taskId, now, segments, segments); // the metadata is stored as it is served
      overshadow(segments);
    }
  }

  @SqlQuery("SELECT payload::text FROM segments WHERE datasource = :ds AND used AND start_time < :i.end"
      + " AND end_time > :i.start ORDER BY start_time, version, partition_num")
  @Json
  List<DataSegment> used(@Bind("ds") String dataSource, @BindMethods("i") Interval interval);

  @SqlQuery("SELECT payload::text FROM segments WHERE task_id = :task ORDER BY start_time, partition_num")
  List<String> ofTask(@Bind("task") String taskId);

  @SqlQuery("SELECT GREATEST("
      + "(SELECT max(partition_num) FROM segments WHERE datasource = :ds AND start_time = :i.start"
      + " AND end_time = :i.end AND version = :version),"
      + "(SELECT max(partition_num) FROM pending_segments WHERE datasource = :ds AND start_time = :i.start"
      + " AND end_time = :i.end AND version = :version))")
  Optional<Integer> maxPartition(@Bind("ds") String dataSource, @BindMethods("i") Interval interval,
      @Bind("version") String version);

  @SqlUpdate("INSERT INTO pending_segments (id, datasource, start_time, end_time, version, partition_num, task_id,"
      + " created_time) VALUES (:s.id, :s.dataSource, :s.interval.start, :s.interval.end, :s.version,"
      + " :s.partitionNum, :task, :now)")
  void insertPending(@BindMethods("s") DataSegment segment, @Bind("task") String taskId, @Bind("now") Instant now);

  /** The next free partition of {@code (dataSource, interval, version)} among used and pending segments, taken. */
  @Transaction
  default int allocatePending(String taskId, String dataSource, Interval interval, String version, Instant now) {
    locks().serialise(dataSource);
    int partition = maxPartition(dataSource, interval, version).map(p -> p + 1).orElse(0);
    insertPending(new DataSegment(dataSource, interval, version, partition, null, null, List.of(), List.of(), 0, 0),
        taskId, now);
    return partition;
  }

  @SqlUpdate("DELETE FROM pending_segments WHERE datasource = :ds AND created_time >= :i.start"
      + " AND created_time < :i.end")
  int deletePendingRows(@Bind("ds") String dataSource, @BindMethods("i") Interval interval);

  @SqlQuery("SELECT id FROM tasks WHERE datasource = :ds AND active AND created_time < :before"
      + " ORDER BY created_time LIMIT 1")
  Optional<String> activeCreatedBefore(@Bind("ds") String dataSource, @Bind("before") Instant before);

  /**
   * Deletes the data source's pending segments created within the interval, unless an active task
   * of the data source was created before the interval's end (it may still use them): then the
   * blocking task is returned and nothing is deleted.
   */
  @Transaction
  default PendingSegmentsDeletion deletePending(String dataSource, Interval interval, Instant now) {
    locks().serialise(dataSource);
    Optional<String> blocking = activeCreatedBefore(dataSource, interval.end());
    if (blocking.isPresent()) {
      return new PendingSegmentsDeletion(0, blocking.get());
    }
    int n = deletePendingRows(dataSource, interval);
    if (n > 0) {
      audit().record(now, "pendingSegments.delete", null, dataSource, interval.toString());
    }
    return new PendingSegmentsDeletion(n, null);
  }
}
