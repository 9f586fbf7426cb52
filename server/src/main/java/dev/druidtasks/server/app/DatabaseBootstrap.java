package dev.druidtasks.server.app;

import dev.druidtasks.server.store.EmbeddedDatabase;
import io.dropwizard.db.DataSourceFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Resolves the "embedded" JDBC URL by starting the embedded PostgreSQL of a data dir, once per process. */
final class DatabaseBootstrap {
  private static final Map<Path, EmbeddedDatabase> RUNNING = new HashMap<>();

  private DatabaseBootstrap() {}

  static synchronized DataSourceFactory resolve(DruidTasksConfiguration config) {
    DataSourceFactory db = config.getDatabase();
    if (!DruidTasksConfiguration.EMBEDDED.equals(db.getUrl())) {
      return db;
    }
    Path dataDir = key(config);
    EmbeddedDatabase embedded = RUNNING.get(dataDir);
    try {
      if (embedded == null) {
        embedded = EmbeddedDatabase.start(dataDir);
        RUNNING.put(dataDir, embedded);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL under " + dataDir, e);
    }
    db.setUrl(embedded.jdbcUrl());
    db.setUser(embedded.user());
    db.setPassword("");
    return db;
  }

  /** Stops the embedded database of this data dir, if this process started one. */
  static synchronized void stop(DruidTasksConfiguration config) {
    EmbeddedDatabase embedded = RUNNING.remove(key(config));
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static Path key(DruidTasksConfiguration config) {
    return Path.of(config.getDataDir()).toAbsolutePath().normalize();
  }
}
