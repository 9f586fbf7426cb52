package dev.druidtasks.server.store;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

interface LeaderDao {
  @SqlQuery("SELECT pg_try_advisory_lock(:key)")
  boolean tryLock(@Bind("key") long key);

  @SqlQuery("SELECT 1")
  int ping();
}
