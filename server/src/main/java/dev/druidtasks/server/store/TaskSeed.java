package dev.druidtasks.server.store;

import dev.druidtasks.server.task.TaskState;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Bulk-loads complete tasks with PostgreSQL's {@code COPY}: their rows as the task's own life would
 * have left them, and the audit lines of that life. Tasks and audit lines stream in parallel, each on
 * a connection and in a transaction of its own, committed together by {@link #commit}; closing
 * without it rolls both back.
 */
public final class TaskSeed implements AutoCloseable {
  private static final String TASKS = "COPY tasks (id, group_id, type, datasource, priority, created_time,"
      + " queue_insertion_time, state, active, duration_ms, error_msg, location_host, location_port,"
      + " location_tls_port, worker_id, started_time, completed_time, shutdown_requested, payload) FROM STDIN";
  private static final String AUDIT = "COPY audit_log (audit_time, action, task_id, datasource, detail) FROM STDIN";
  /** Rows are sent in chunks of about this many bytes. */
  private static final int CHUNK = 1 << 20;

  private final Stream tasks;
  private final Stream audit;
  private long payloadChars;

  private TaskSeed(Stream tasks, Stream audit) {
    this.tasks = tasks;
    this.audit = audit;
  }

  public static TaskSeed open(String jdbcUrl, String user, String password) throws SQLException {
    Stream tasks = Stream.open(jdbcUrl, user, password, TASKS);
    try {
      return new TaskSeed(tasks, Stream.open(jdbcUrl, user, password, AUDIT));
    } catch (SQLException | RuntimeException e) {
      tasks.close();
      throw e;
    }
  }

  public void add(SeededTask t) throws SQLException {
    Row r = tasks.row();
    r.text(t.id()).text(t.groupId()).text(t.type()).text(t.dataSource()).number(t.priority())
        .time(t.createdTime()).time(t.createdTime()).text(t.state().name()).text("f").number(t.durationMs())
        .text(t.errorMsg()).text(t.location().host()).number(t.location().port()).number(t.location().tlsPort())
        .text(t.workerId()).time(t.startedTime()).time(t.completedTime()).text(t.shutdownRequested() ? "t" : "f")
        .last(t.payloadJson());
    tasks.sendIfFull();
    // the lines TaskDao writes as the task is submitted, asked to stop and ends
    audit.row().time(t.createdTime()).text("task.submit").text(t.id()).text(t.dataSource()).last(null);
    boolean started = t.startedTime() != null;
    if (t.shutdownRequested()) {
      audit.row().time(t.completedTime()).text("task.shutdown.requested").text(t.id()).text(null).last(null);
    }
    String end = !started ? "task.shutdown" : t.state() == TaskState.SUCCESS ? "task.success" : "task.failed";
    audit.row().time(t.completedTime()).text(end).text(t.id()).text(null).last(t.errorMsg());
    audit.sendIfFull();
    payloadChars += t.payloadJson().length();
  }

  /** Characters of payload added so far. */
  public long payloadChars() {
    return payloadChars;
  }

  /** Ends both streams and commits them, tasks first: audit lines never describe tasks that are not there. */
  public void commit() throws SQLException {
    tasks.end();
    audit.end();
    tasks.connection.commit();
    audit.connection.commit();
  }

  /**
   * Refreshes the planner's statistics of the seeded tables, as autovacuum would some time later:
   * right after a bulk load the plans of list queries would otherwise rest on the table as it was.
   */
  public void analyze() throws SQLException {
    tasks.connection.setAutoCommit(true);
    try (var s = tasks.connection.createStatement()) {
      s.execute("ANALYZE tasks, audit_log");
    }
  }

  @Override
  public void close() throws SQLException {
    try {
      tasks.close();
    } finally {
      audit.close();
    }
  }

  /** One {@code COPY … FROM STDIN} in text format on a connection of its own. */
  private static final class Stream implements AutoCloseable {
    final Connection connection;
    final CopyIn copy;
    final Row row = new Row();

    private Stream(Connection connection, CopyIn copy) {
      this.connection = connection;
      this.copy = copy;
    }

    static Stream open(String url, String user, String password, String sql) throws SQLException {
      Connection c = DriverManager.getConnection(url, user, password);
      try {
        compressWal(c);
        c.setAutoCommit(false);
        return new Stream(c, c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
      } catch (SQLException | RuntimeException e) {
        c.close();
        throw e;
      }
    }

    /** A bulk load writes many full pages after each checkpoint; only a superuser may compress them. */
    private static void compressWal(Connection c) {
      try (var s = c.createStatement()) {
        s.execute("SET wal_compression = on");
      } catch (SQLException e) {
        // not allowed: the load is only slower
      }
    }

    Row row() {
      return row;
    }

    void sendIfFull() throws SQLException {
      if (row.out.size() >= CHUNK) {
        send();
      }
    }

    private void send() throws SQLException {
      copy.writeToCopy(row.out.toByteArray(), 0, row.out.size());
      row.out.reset();
    }

    void end() throws SQLException {
      send();
      copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
      try {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
      } finally {
        connection.close();
      }
    }
  }

  /** Builds rows of COPY's text format: tab-separated, {@code \N} for null, backslash escapes. */
  private static final class Row {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNK + (CHUNK >> 2));
    private final StringBuilder line = new StringBuilder(8192);

    Row text(String value) {
      field(value);
      line.append('\t');
      return this;
    }

    Row number(long value) {
      line.append(value).append('\t');
      return this;
    }

    Row time(Instant value) {
      return text(value == null ? null : value.toString());
    }

    void last(String value) {
      field(value);
      line.append('\n');
      byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
      out.write(bytes, 0, bytes.length);
      line.setLength(0);
    }

    private void field(String value) {
      if (value == null) {
        line.append("\\N");
        return;
      }
      // most values have nothing to escape, and a JSON text only backslashes: replace only what is there
      String v = value;
      if (v.indexOf('\\') >= 0) {
        v = v.replace("\\", "\\\\");
      }
      if (v.indexOf('\t') >= 0) {
        v = v.replace("\t", "\\t");
      }
      if (v.indexOf('\n') >= 0) {
        v = v.replace("\n", "\\n");
      }
      if (v.indexOf('\r') >= 0) {
        v = v.replace("\r", "\\r");
      }
      line.append(v);
    }
  }
}
