package dev.druidtasks.server.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Scheduler leadership: a session-level PostgreSQL advisory lock held on a dedicated connection.
 * Exactly one node holds it; if that node dies its connection closes and another node takes over.
 */
public final class LeaderLatch implements AutoCloseable {
  private static final long KEY = 0x44_52_55_49_44_54_41_53L; // "DRUIDTAS"

  private final Jdbi jdbi;
  private Handle handle;

  public LeaderLatch(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** True while this node leads; tries to become leader when it does not. */
  public synchronized boolean isLeader() {
    try {
      if (handle != null) {
        handle.attach(WorkerDao.class).ping();
        return true;
      }
      Handle h = jdbi.open();
      if (h.attach(WorkerDao.class).tryLeadership(KEY)) {
        handle = h;
        return true;
      }
      h.close();
      return false;
    } catch (RuntimeException e) {
      close();
      return false;
    }
  }

  @Override
  public synchronized void close() {
    if (handle != null) {
      try {
        handle.close();
      } catch (RuntimeException ignored) {
        // the connection is gone either way, and with it the lock
      }
      handle = null;
    }
  }
}
