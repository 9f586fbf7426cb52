package dev.druidtasks.server.store;

import java.sql.Timestamp;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface WorkerDao {
  @SqlUpdate("INSERT INTO workers (id, host, port, capacity, started_time, last_heartbeat, epoch)"
      + " VALUES (:id, :host, :port, :capacity, :now, :now, :epoch) ON CONFLICT (id) DO UPDATE SET host = EXCLUDED.host,"
      + " port = EXCLUDED.port, capacity = EXCLUDED.capacity, started_time = EXCLUDED.started_time,"
      + " last_heartbeat = EXCLUDED.last_heartbeat, epoch = EXCLUDED.epoch")
  void register(@Bind("id") String id, @Bind("host") String host, @Bind("port") int port,
      @Bind("capacity") int capacity, @Bind("now") Timestamp now, @Bind("epoch") String epoch);

  @SqlUpdate("UPDATE workers SET last_heartbeat = :now WHERE id = :id AND epoch = :epoch")
  int heartbeat(@Bind("id") String id, @Bind("epoch") String epoch, @Bind("now") Timestamp now);

  /** Holds the registration while claiming, so that it cannot be removed half-way. */
  @SqlQuery("SELECT id FROM workers WHERE id = :id AND epoch = :epoch FOR SHARE")
  java.util.Optional<String> holdRegistration(@Bind("id") String id, @Bind("epoch") String epoch);

  @SqlQuery("SELECT id FROM workers WHERE last_heartbeat < :cutoff")
  List<String> silentSince(@Bind("cutoff") Timestamp cutoff);

  @SqlUpdate("DELETE FROM workers WHERE id = :id")
  int remove(@Bind("id") String id);
}
