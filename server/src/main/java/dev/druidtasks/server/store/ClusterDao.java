package dev.druidtasks.server.store;

import dev.druidtasks.server.task.Interval;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** What the Overlord tells about its cluster: the live workers, what runs on them, the locks held. */
@RegisterConstructorMapper(ClusterDao.Worker.class)
@RegisterConstructorMapper(ClusterDao.RunningTask.class)
@RegisterConstructorMapper(ClusterDao.HeldLock.class)
public interface ClusterDao {
  /** A registered worker; {@code lastCompletedTaskTime} is its start while it has completed nothing. */
  record Worker(String id, String host, int port, int capacity, Instant lastCompletedTaskTime) {}

  record RunningTask(String workerId, String id, String type) {}

  record HeldLock(String dataSource, Instant start, Instant end) {
    public Interval interval() {
      return new Interval(start, end);
    }
  }

  /** The scheduler's leadership: the session-level advisory lock of this key ("DRUIDTAS"). */
  long LEADERSHIP_KEY = 0x44_52_55_49_44_54_41_53L;

  /** Takes the leadership for this session, if no other session holds it; held while the connection lives. */
  @SqlQuery("SELECT pg_try_advisory_lock(" + LEADERSHIP_KEY + ")")
  boolean tryLeadership();

  /**
   * The server drops a vanished leader's session (and so its lock) within about ten seconds, where
   * the operating system's TCP keepalive would wait hours; a no-op over a Unix socket.
   */
  @SqlQuery("SELECT set_config('tcp_keepalives_idle', '5', false) || set_config('tcp_keepalives_interval', '2', false)"
      + " || set_config('tcp_keepalives_count', '3', false)")
  String dropSessionWhenPeerVanishes();

  @SqlQuery("SELECT 1")
  int ping();

  /** Gives the leadership up on a session that lives on (a pooled connection, say). */
  @SqlQuery("SELECT pg_advisory_unlock(" + LEADERSHIP_KEY + ")")
  boolean giveUpLeadership();

  /** Recorded by the node that takes the scheduler's leadership. */
  @SqlUpdate("INSERT INTO leader (id, url, since) VALUES (1, :url, now())"
      + " ON CONFLICT (id) DO UPDATE SET url = EXCLUDED.url, since = EXCLUDED.since")
  void recordLeader(@Bind("url") String url);

  /**
   * The leader's URL, only while some session holds the leadership: a dead leader's URL is not
   * given out in the seconds before another takes over. (A bigint advisory key shows in
   * {@code pg_locks} as its high and low halves, with {@code objsubid} 1.)
   */
  @SqlQuery("SELECT url FROM leader WHERE id = 1 AND EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory'"
      + " AND granted AND objsubid = 1 AND classid = CAST(" + (LEADERSHIP_KEY >>> 32) + " AS oid)"
      + " AND objid = CAST(" + (LEADERSHIP_KEY & 0xFFFF_FFFFL) + " AS oid)"
      + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))")
  Optional<String> leaderUrl();

  @SqlQuery("SELECT w.id, w.host, w.port, w.capacity, COALESCE((SELECT max(t.completed_time) FROM tasks t"
      + " WHERE t.worker_id = w.id AND NOT t.active), w.started_time) AS last_completed_task_time"
      + " FROM workers w ORDER BY w.id")
  List<Worker> workers();

  @SqlQuery("SELECT worker_id, id, type FROM tasks WHERE state = 'RUNNING' AND worker_id IS NOT NULL"
      + " ORDER BY created_time, id")
  List<RunningTask> running();

  /** Locks of active tasks on {@code dataSource} with at least {@code priority}, overlapping {@code within}. */
  @SqlQuery("SELECT DISTINCT l.datasource AS data_source, l.start_time AS start, l.end_time AS \"end\""
      + " FROM task_locks l JOIN tasks t ON t.id = l.task_id"
      + " WHERE l.datasource = :ds AND t.active AND t.priority >= :priority"
      + " AND l.start_time < :within.end AND l.end_time > :within.start ORDER BY start, \"end\"")
  List<HeldLock> locks(@Bind("ds") String dataSource, @Bind("priority") int priority,
      @BindMethods("within") Interval within);
}
