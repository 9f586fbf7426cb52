package dev.druidtasks.server.engine;

import dev.druidtasks.server.store.TaskStore;
import dev.druidtasks.server.task.TaskLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A running task's log: lines in Druid's layout ({@code time LEVEL [thread] logger - message}),
 * buffered and appended to the store in chunks so readers see it grow.
 */
final class TaskLogWriter implements TaskLog {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss,SSS").withZone(ZoneOffset.UTC);
  private static final int FLUSH_AT_BYTES = 64 * 1024;

  private final TaskStore store;
  private final String taskId;
  private final String logger;
  private final Clock clock;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private int seq;
  private long size;

  TaskLogWriter(TaskStore store, String taskId, String logger, Clock clock) {
    this.store = store;
    this.taskId = taskId;
    this.logger = logger;
    this.clock = clock;
    this.size = store.logs().size(taskId).orElse(0L);
  }

  @Override
  public void info(String message) {
    line("INFO", message);
  }

  @Override
  public void warn(String message) {
    line("WARN", message);
  }

  @Override
  public void error(String message) {
    line("ERROR", message);
  }

  void error(String message, Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    line("ERROR", message + System.lineSeparator() + trace.toString().stripTrailing());
  }

  private void line(String level, String message) {
    String text = TIME.format(clock.instant()) + " " + level + " [" + Thread.currentThread().getName() + "] "
        + logger + " - " + message + "\n";
    boolean full;
    synchronized (this) {
      buffer.writeBytes(text.getBytes(StandardCharsets.UTF_8));
      full = buffer.size() >= FLUSH_AT_BYTES;
    }
    if (full) {
      flush();
    }
  }

  /** Appends what is buffered as one chunk. */
  synchronized void flush() {
    if (buffer.size() == 0) {
      return;
    }
    byte[] chunk = buffer.toByteArray();
    buffer.reset();
    store.logs().append(taskId, seq++, size, chunk);
    size += chunk.length;
  }
}
