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

  /** Recorded by the node that takes the scheduler's leadership. */
  @SqlUpdate("INSERT INTO leader (id, url, since) VALUES (1, :url, now())"
      + " ON CONFLICT (id) DO UPDATE SET url = EXCLUDED.url, since = EXCLUDED.since")
  void recordLeader(@Bind("url") String url);

  @SqlQuery("SELECT url FROM leader WHERE id = 1")
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
