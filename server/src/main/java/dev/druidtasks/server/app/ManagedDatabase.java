package dev.druidtasks.server.app;

import dev.druidtasks.server.store.EmbeddedDatabase;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The embedded PostgreSQL of a data dir, when the configured URL is "embedded": started as soon as
 * the configuration is read (the pool is built on its port), stopped with the server.
 */
record ManagedDatabase(EmbeddedDatabase db) implements Managed {
  /** Points the configuration at the embedded database it starts; empty for an external one. */
  static Optional<ManagedDatabase> startIfEmbedded(DruidTasksConfiguration config) {
    DataSourceFactory factory = config.getDatabase();
    if (!DruidTasksConfiguration.EMBEDDED.equals(factory.getUrl())) {
      return Optional.empty();
    }
    Path dataDir = Path.of(config.getDataDir()).toAbsolutePath().normalize();
    EmbeddedDatabase db;
    try {
      db = EmbeddedDatabase.start(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL under " + dataDir, e);
    }
    factory.setUrl(db.jdbcUrl());
    factory.setUser(db.user());
    factory.setPassword("");
    return Optional.of(new ManagedDatabase(db));
  }

  @Override
  public void stop() throws IOException {
    db.close();
  }
}
