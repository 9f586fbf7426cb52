package dev.druidtasks.server.app;

import dev.druidtasks.server.store.EmbeddedDatabase;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.Optional;

/**
 * The embedded PostgreSQL of a data dir, when the configured URL is "embedded": started as soon as
 * the configuration is read (the pool is built on its port), stopped with the server, after the engine.
 * On SIGTERM the server stops in a shutdown hook, draining the tasks that run; a database stopped by a
 * hook of its own would race that drain and lose the tasks' ends. So the database's hook waits for the
 * server's stop (bounded), and stops it only if nothing else did (a start that failed, an exit without stop).
 */
final class ManagedDatabase implements Managed {
  private final EmbeddedDatabase db;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean serving;

  private ManagedDatabase(EmbeddedDatabase db, Duration drain) {
    this.db = db;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> atExit(drain.plusSeconds(15)), "embedded-postgres-stop"));
  }

  /** Points the configuration at the embedded database it starts; empty for an external one. */
  static Optional<ManagedDatabase> startIfEmbedded(DruidTasksConfiguration config) {
    DataSourceFactory factory = config.getDatabase();
    if (!DruidTasksConfiguration.EMBEDDED.equals(factory.getUrl())) {
      return Optional.empty();
    }
    Path dataDir = Path.of(config.getDataDir()).toAbsolutePath().normalize();
    EmbeddedDatabase db;
    try {
      db = EmbeddedDatabase.start(dataDir, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL under " + dataDir, e);
    }
    factory.setUrl(db.jdbcUrl());
    factory.setUser(db.user());
    factory.setPassword("");
    return Optional.of(new ManagedDatabase(db, config.getDrainTimeout().toJavaDuration()));
  }

  /** Work on the configured database, for a command that runs without the server. */
  interface Work {
    void on(DataSourceFactory database) throws Exception;
  }

  /** Does {@code work} on the configured database; an embedded one is started for it and stopped after. */
  static void around(DruidTasksConfiguration config, Work work) throws Exception {
    Optional<ManagedDatabase> embedded = startIfEmbedded(config);
    try {
      work.on(config.getDatabase());
    } finally {
      if (embedded.isPresent()) {
        embedded.get().stop();
      }
    }
  }

  @Override
  public void start() {
    serving = true;
  }

  @Override
  public void stop() throws IOException {
    try {
      db.close();
    } finally {
      stopped.countDown();
    }
  }

  private void atExit(Duration atMost) {
    try {
      if (serving && !stopped.await(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
        System.err.println("the server did not stop within " + atMost + "; stopping its embedded PostgreSQL");
      }
      if (stopped.getCount() > 0) {
        db.close();
      }
    } catch (IOException | InterruptedException e) {
      System.err.println("could not stop the embedded PostgreSQL: " + e);
    }
  }
}
