package dev.druidtasks.server.app;

import dev.druidtasks.server.store.EmbeddedDatabase;
import io.dropwizard.db.DataSourceFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Resolves the "embedded" JDBC URL by starting the embedded PostgreSQL, once per process. */
final class DatabaseBootstrap {
  private static EmbeddedDatabase embedded;

  private DatabaseBootstrap() {}

  static synchronized DataSourceFactory resolve(DruidTasksConfiguration config) {
    DataSourceFactory db = config.getDatabase();
    if (!DruidTasksConfiguration.EMBEDDED.equals(db.getUrl())) {
      return db;
    }
    try {
      if (embedded == null) {
        embedded = EmbeddedDatabase.start(Path.of(config.getDataDir()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL under " + config.getDataDir(), e);
    }
    db.setUrl(embedded.jdbcUrl());
    db.setUser(embedded.user());
    db.setPassword("");
    return db;
  }

  /** Stops the embedded database, if this process started one. */
  static synchronized void stop() {
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        embedded = null;
      }
    }
  }
}
