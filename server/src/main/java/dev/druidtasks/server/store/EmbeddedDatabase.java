package dev.druidtasks.server.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL started from binaries on the classpath, its data kept under the data dir so
 * tasks survive restarts. A server killed with -9 leaves its postgres running; the next start stops
 * that stale instance of the same data dir before starting a fresh one.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static EmbeddedDatabase start(Path dataDir) throws IOException {
    Path pgData = dataDir.resolve("postgres").toAbsolutePath();
    Files.createDirectories(pgData.getParent());
    stopStaleInstance(pgData);
    long t0 = System.nanoTime();
    EmbeddedPostgres pg = EmbeddedPostgres.builder()
        .setDataDirectory(pgData)
        .setCleanDataDirectory(false)
        .setPGStartupWait(Duration.ofSeconds(60))
        .setServerConfig("max_connections", "100")
        // an acknowledged request survives the database dying too (the embedded default is asynchronous)
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .start();
    LOG.info("embedded PostgreSQL on port {} with data in {} started in {} ms", pg.getPort(), pgData,
        (System.nanoTime() - t0) / 1_000_000);
    return new EmbeddedDatabase(pg);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
  }

  public String user() {
    return "postgres";
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }

  /** Stops a postgres still running on this data dir (its JVM was killed), so ours can start. */
  private static void stopStaleInstance(Path pgData) {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    try {
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
      long pid = Long.parseLong(lines.get(0).trim());
      Optional<ProcessHandle> process = ProcessHandle.of(pid);
      if (process.isEmpty() || !process.get().isAlive()) {
        return;
      }
      boolean isPostgres = process.get().info().command().map(c -> c.contains("postgres")).orElse(true);
      if (!isPostgres) {
        return;
      }
      LOG.warn("stopping a stale PostgreSQL (pid {}) left running on {}", pid, pgData);
      process.get().destroy(); // SIGTERM: a smart shutdown, its clients are gone already
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (process.get().isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      if (process.get().isAlive()) {
        process.get().destroyForcibly();
        Thread.sleep(500);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not inspect {}: {}", pidFile, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
