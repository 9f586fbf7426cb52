package dev.druidtasks.server.engine;

/** Task error messages as Druid stores them: cut to 100 characters, the full text goes to the log. */
final class ErrorMessages {
  static final int MAX = 100;
  static final String SHUTDOWN = "Shutdown request from user";

  private ErrorMessages() {}

  /** Also drops NUL characters, which the database cannot store. */
  static String truncate(String msg) {
    if (msg == null) {
      return null;
    }
    String storable = msg.replace("\u0000", "");
    return storable.length() <= MAX ? storable : storable.substring(0, MAX) + "...";
  }
}
