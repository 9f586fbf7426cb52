package dev.druidtasks.server.store;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The digest of the changelog the schema was last brought up to date with. */
interface SchemaDigestDao {
  @SqlQuery("SELECT digest FROM schema_digest WHERE id = 1")
  Optional<String> current();

  @SqlUpdate("INSERT INTO schema_digest (id, digest) VALUES (1, :digest)"
      + " ON CONFLICT (id) DO UPDATE SET digest = excluded.digest")
  void record(@Bind("digest") String digest);
}
