package dev.druidtasks.server.store;

import java.util.Properties;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Scheduler leadership: a session-level PostgreSQL advisory lock held on a dedicated connection.
 * Exactly one node holds it; if that node dies its connection closes and another node takes over.
 * Give it a {@link Jdbi} of plain connections, not a pool: a session that outlives its handle would
 * keep the lead for no one.
 */
public final class LeaderLatch implements AutoCloseable {
  private final Jdbi jdbi;
  private final Supplier<String> url;
  private Handle handle;

  /** @param url this node's base URL, recorded for the others when it takes the lead */
  public LeaderLatch(Jdbi jdbi, Supplier<String> url) {
    this.jdbi = jdbi;
    this.url = url;
  }

  /** Plain connections to the database, one opened each time the lead is tried for, kept while it is held. */
  public static Jdbi connections(String jdbcUrl, String user, String password) {
    Properties p = new Properties();
    p.setProperty("user", user == null ? "" : user);
    p.setProperty("password", password == null ? "" : password);
    p.setProperty("ApplicationName", "druid-tasks leadership");
    return Jdbi.create(jdbcUrl, p).installPlugin(new SqlObjectPlugin());
  }

  /** True while this node holds the lead; never tries to take it. */
  public synchronized boolean holds() {
    return handle != null;
  }

  /** True while this node leads; tries to become leader when it does not. */
  public synchronized boolean isLeader() {
    try {
      if (handle != null) {
        handle.attach(ClusterDao.class).ping();
        return true;
      }
      if (url.get() == null) {
        return false; // not serving yet: no URL to give the other nodes
      }
      Handle h = jdbi.open();
      try {
        ClusterDao cluster = h.attach(ClusterDao.class);
        if (cluster.tryLeadership()) {
          cluster.dropSessionWhenPeerVanishes();
          cluster.recordLeader(url.get());
          handle = h;
          return true;
        }
      } catch (RuntimeException e) {
        release(h);
        throw e;
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
      release(handle);
      handle = null;
    }
  }

  private static void release(Handle h) {
    try {
      h.attach(ClusterDao.class).giveUpLeadership();
    } catch (RuntimeException gone) {
      // a broken connection: its session, and with it the lock, ends on the server
    }
    try {
      h.close();
    } catch (RuntimeException ignored) {
      // closed either way
    }
  }
}
