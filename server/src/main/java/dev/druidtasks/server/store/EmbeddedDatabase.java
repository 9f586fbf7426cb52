package dev.druidtasks.server.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
  private final FileChannel owner;

  private EmbeddedDatabase(EmbeddedPostgres postgres, FileChannel owner) {
    this.postgres = postgres;
    this.owner = owner;
  }

  /**
   * Starts the database of {@code dataDir}, refused while another live process owns it: a second
   * node on the same data dir would take the first one's PostgreSQL for stale and stop it.
   */
  public static EmbeddedDatabase start(Path dataDir) throws IOException {
    return start(dataDir, true);
  }

  /**
   * As {@link #start(Path)}; with {@code stopAtExit} false, the JVM's exit does not stop it: its owner
   * does, once what still writes to it has stopped (a hook of its own would race theirs).
   */
  public static EmbeddedDatabase start(Path dataDir, boolean stopAtExit) throws IOException {
    Path pgData = dataDir.resolve("postgres").toAbsolutePath();
    Files.createDirectories(pgData.getParent());
    FileChannel owner = own(pgData.resolveSibling("postgres.lock"));
    try {
      return new EmbeddedDatabase(startOn(pgData, stopAtExit), owner);
    } catch (IOException | RuntimeException e) {
      owner.close();
      throw e;
    }
  }

  private static FileChannel own(Path lockFile) throws IOException {
    FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IllegalStateException("The data dir " + lockFile.getParent() + " is in use by another druid-tasks"
          + " node, whose embedded PostgreSQL lives there. Give each node its own --data-dir, and point the"
          + " nodes that should share one database at it with --jdbc-url");
    }
    return channel; // the lock lasts as long as the channel, and ends with the process at the latest
  }

  private static EmbeddedPostgres startOn(Path pgData, boolean stopAtExit) throws IOException {
    stopStaleInstance(pgData);
    long t0 = System.nanoTime();
    EmbeddedPostgres pg = EmbeddedPostgres.builder()
        .setDataDirectory(pgData)
        .setRegisterShutdownHook(stopAtExit)
        .setCleanDataDirectory(false)
        .setPGStartupWait(Duration.ofSeconds(60))
        .setServerConfig("max_connections", "100")
        // an acknowledged request survives the database dying too (the embedded default is asynchronous)
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        // local SSD: an index read in order costs little more than a sequential one, so lists stream
        // off their index instead of sorting the table first (the default 4 is for spinning disks)
        .setServerConfig("random_page_cost", "1.1")
        .start();
    LOG.info("embedded PostgreSQL on port {} with data in {} started in {} ms", pg.getPort(), pgData,
        (System.nanoTime() - t0) / 1_000_000);
    return pg;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
  }

  public String user() {
    return "postgres";
  }

  @Override
  public void close() throws IOException {
    try {
      postgres.close();
    } finally {
      owner.close();
    }
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
