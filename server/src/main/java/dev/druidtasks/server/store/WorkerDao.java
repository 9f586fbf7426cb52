package dev.druidtasks.server.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Registered workers; a new {@code epoch} each registration, which its claims and heartbeats carry. */
public interface WorkerDao {
  @SqlUpdate("INSERT INTO workers (id, host, port, capacity, started_time, last_heartbeat, epoch)"
      + " VALUES (:id, :host, :port, :capacity, :now, :now, :epoch) ON CONFLICT (id) DO UPDATE SET host = EXCLUDED.host,"
      + " port = EXCLUDED.port, capacity = EXCLUDED.capacity, started_time = EXCLUDED.started_time,"
      + " last_heartbeat = EXCLUDED.last_heartbeat, epoch = EXCLUDED.epoch")
  void register(@Bind("id") String id, @Bind("epoch") String epoch, @Bind("host") String host, @Bind("port") int port,
      @Bind("capacity") int capacity, @Bind("now") Instant now);

  /** 0 when this registration is gone: the worker was declared dead (or replaced). */
  @SqlUpdate("UPDATE workers SET last_heartbeat = :now WHERE id = :id AND epoch = :epoch")
  int heartbeat(@Bind("id") String id, @Bind("epoch") String epoch, @Bind("now") Instant now);

  @SqlQuery("SELECT id FROM workers WHERE last_heartbeat < :cutoff")
  List<String> silentSince(@Bind("cutoff") Instant cutoff);

  @SqlUpdate("DELETE FROM workers WHERE id = :id")
  int remove(@Bind("id") String id);

  /** Declares a silent worker dead; 0 when it registered again or heartbeat since it was read as silent. */
  @SqlUpdate("DELETE FROM workers WHERE id = :id AND last_heartbeat < :cutoff")
  int removeIfSilent(@Bind("id") String id, @Bind("cutoff") Instant cutoff);
}
