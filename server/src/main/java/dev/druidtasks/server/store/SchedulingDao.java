package dev.druidtasks.server.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.CreateSqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * The engine's moves of tasks: waiting to pending once their locks are taken (the scheduler), pending
 * to running on a worker (the claim), and what a worker or the reaper asks of running tasks.
 */
@RegisterConstructorMapper(WaitingTask.class)
@RegisterConstructorMapper(ClaimedTask.class)
public interface SchedulingDao {
  @CreateSqlObject
  LockDao locks();

  @CreateSqlObject
  AuditDao audit();

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

  @SqlQuery("SELECT id FROM tasks WHERE state = 'RUNNING' AND worker_id = :worker AND shutdown_requested")
  List<String> shutdownRequestedOn(@Bind("worker") String workerId);

  @SqlQuery("SELECT id FROM tasks WHERE state = 'RUNNING' AND worker_id = :worker")
  List<String> runningOn(@Bind("worker") String workerId);

  /** Running tasks whose worker is not registered (it was declared dead, or stopped without ending them). */
  @SqlQuery("SELECT id FROM tasks WHERE state = 'RUNNING'"
      + " AND NOT EXISTS (SELECT 1 FROM workers w WHERE w.id = tasks.worker_id)")
  List<String> runningOnUnregisteredWorkers();
}
