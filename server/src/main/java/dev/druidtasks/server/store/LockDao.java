package dev.druidtasks.server.store;

import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Time-chunk locks: held by a task (and shared by its group) until it completes. Takers serialise
 * per data source with {@link #serialise}, so lock checks and inserts do not race.
 */
@RegisterConstructorMapper(Interval.class)
public interface LockDao {
  @SqlQuery("SELECT pg_advisory_xact_lock(hashtext('lock:' || :ds)) IS NOT NULL")
  boolean serialise(@Bind("ds") String dataSource);

  @SqlQuery("SELECT count(*) FROM task_locks WHERE datasource = :ds AND group_id <> :group"
      + " AND start_time < :c.end AND end_time > :c.start")
  int conflicts(@Bind("ds") String dataSource, @Bind("group") String groupId, @BindMethods("c") Interval chunk);

  @SqlQuery("SELECT version FROM task_locks WHERE task_id = :task AND start_time <= :c.start"
      + " AND end_time >= :c.end LIMIT 1")
  Optional<String> heldVersion(@Bind("task") String taskId, @BindMethods("c") Interval chunk);

  @SqlUpdate("INSERT INTO task_locks (task_id, group_id, datasource, start_time, end_time, version)"
      + " VALUES (:task, :group, :ds, :c.start, :c.end, :version) ON CONFLICT DO NOTHING")
  int insert(@Bind("task") String taskId, @Bind("group") String groupId, @Bind("ds") String dataSource,
      @BindMethods("c") Interval chunk, @Bind("version") String version);

  @SqlUpdate("DELETE FROM task_locks WHERE task_id = :task")
  int release(@Bind("task") String taskId);

  @SqlQuery("SELECT max(version) FROM segments WHERE datasource = :ds AND start_time < :c.end"
      + " AND end_time > :c.start")
  Optional<String> maxSegmentVersion(@Bind("ds") String dataSource, @BindMethods("c") Interval chunk);

  /** The intervals a submitted task must lock before it may run. */
  @SqlQuery("SELECT start_time AS start, end_time AS \"end\" FROM task_lock_intervals WHERE task_id = :task"
      + " ORDER BY start_time")
  List<Interval> lockIntervalsOf(@Bind("task") String taskId);

  /** Locks all of a waiting task's intervals, or none while another group holds an overlapping one. */
  default boolean lockAll(WaitingTask t, Instant now) {
    List<Interval> chunks = lockIntervalsOf(t.id());
    if (chunks.isEmpty()) {
      return true;
    }
    serialise(t.dataSource());
    if (chunks.stream().anyMatch(c -> conflicts(t.dataSource(), t.groupId(), c) > 0)) {
      return false;
    }
    chunks.forEach(c -> insert(t.id(), t.groupId(), t.dataSource(), c, newVersion(t.dataSource(), c, now)));
    return true;
  }

  /**
   * The version of the task's lock covering {@code chunk}, taking it when free. Empty while another
   * group holds an overlapping lock.
   */
  @Transaction
  default Optional<String> tryLock(String taskId, String groupId, String dataSource, Interval chunk, Instant now) {
    serialise(dataSource);
    Optional<String> held = heldVersion(taskId, chunk);
    if (held.isPresent() || conflicts(dataSource, groupId, chunk) > 0) {
      return held;
    }
    String version = newVersion(dataSource, chunk, now);
    insert(taskId, groupId, dataSource, chunk, version);
    return Optional.of(version);
  }

  /** A lock version later than any segment version of the chunk, so new segments overshadow old ones. */
  private String newVersion(String dataSource, Interval chunk, Instant now) {
    Instant v = now;
    Optional<String> max = maxSegmentVersion(dataSource, chunk);
    if (max.isPresent()) {
      try {
        Instant existing = Instant.parse(max.get());
        if (!v.isAfter(existing)) {
          v = existing.plusMillis(1);
        }
      } catch (RuntimeException notAnInstant) {
        // a version written by someone else: ours still sorts after it when it is a timestamp
      }
    }
    return Timestamps.format(v);
  }
}
