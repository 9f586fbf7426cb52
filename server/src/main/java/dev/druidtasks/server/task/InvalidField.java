package dev.druidtasks.server.task;

/**
 * A wrong value met while a task's JSON is bound, thrown from a constructor: the reader names it by
 * the path to the object being built, followed by {@code field} (a path below it, or empty).
 */
public final class InvalidField extends IllegalArgumentException {
  private static final String PATH = "{}";
  /** Null when the message is already complete. */
  private final String field;

  private InvalidField(String field, String template) {
    super(template);
    this.field = field;
  }

  /** {@code Field [path]} followed by {@code detail}, e.g. {@code ": not supported"} or {@code " must be positive"}. */
  public static InvalidField of(String field, String detail) {
    return new InvalidField(field, "Field [" + PATH + "]" + detail);
  }

  public static InvalidField missing(String field) {
    return new InvalidField(field, "Missing required field [" + PATH + "]");
  }

  public static InvalidField value(String field, String problem) {
    return new InvalidField(field, "Invalid value for field [" + PATH + "]: " + problem);
  }

  /** A message that names its fields itself (or none). */
  public static InvalidField message(String complete) {
    return new InvalidField(null, complete);
  }

  public static <T> T required(T value, String field) {
    if (value == null) {
      throw missing(field);
    }
    return value;
  }

  /** The message, its field named under {@code base} (the path of the object that refused it). */
  public String at(String base) {
    if (field == null) {
      return getMessage();
    }
    String path = base.isEmpty() ? field : field.isEmpty() || field.startsWith("[") ? base + field : base + "." + field;
    int at = getMessage().indexOf(PATH);
    return getMessage().substring(0, at) + path + getMessage().substring(at + PATH.length());
  }
}
