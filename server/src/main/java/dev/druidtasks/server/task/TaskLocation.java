package dev.druidtasks.server.task;

/** Where a task runs; {@link #UNKNOWN} until a worker takes it. */
public record TaskLocation(String host, int port, int tlsPort) {
  public static final TaskLocation UNKNOWN = new TaskLocation(null, -1, -1);
}
