package dev.druidtasks.server.task;

/** Task error messages as Druid stores them: cut to 100 characters, the full text goes to the log. */
public final class ErrorMessages {
  public static final int MAX = 100;
  /** Druid's errorMsg of a task stopped on request; its web console shows such a task as CANCELED. */
  public static final String SHUTDOWN = "Shutdown request from user";

  private ErrorMessages() {}

  /** Also drops NUL characters, which the database cannot store. */
  public static String truncate(String msg) {
    if (msg == null) {
      return null;
    }
    String storable = msg.replace("\u0000", "");
    return storable.length() <= MAX ? storable : storable.substring(0, MAX) + "...";
  }
}
