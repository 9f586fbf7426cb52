package dev.druidtasks.server.task;

/** Task error messages as Druid stores them: cut to 100 characters, the full text goes to the log. */
public final class ErrorMessages {
  public static final int MAX = 100;
  /** Druid's errorMsg of a task stopped on request; its web console shows such a task as CANCELED. */
  public static final String SHUTDOWN = "Shutdown request from user";
  /** Of a task left running on a worker that is no longer registered (declared dead, then claimed before it knew). */
  public static final String WORKER_UNREGISTERED = "Task failed because its worker is no longer registered";

  private ErrorMessages() {}

  /** Of a task whose worker stopped heartbeating, as Druid's Overlord words it. */
  public static String workerLost(String worker) {
    return "Task failed because worker[" + worker + "] stopped responding";
  }

  /** Also drops NUL characters, which the database cannot store. */
  public static String truncate(String msg) {
    if (msg == null) {
      return null;
    }
    String storable = msg.replace("\u0000", "");
    return storable.length() <= MAX ? storable : storable.substring(0, MAX) + "...";
  }
}
