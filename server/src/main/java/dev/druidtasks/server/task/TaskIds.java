package dev.druidtasks.server.task;

import java.security.SecureRandom;
import java.time.Instant;

/** Checks task ids as Druid does (they reach URLs and file names) and makes new ones. */
public final class TaskIds {
  /** Longer ids are refused; Druid's metadata store column holds 255 characters. */
  public static final int MAX_LENGTH = 255;
  /** Longer data source names are refused, so that ids generated from them stay within {@link #MAX_LENGTH}. */
  public static final int MAX_DATA_SOURCE_LENGTH = 200;

  private static final SecureRandom RANDOM = new SecureRandom();

  private TaskIds() {}

  /** The id, when acceptable. */
  public static String validate(String id) {
    String problem = problem(id, MAX_LENGTH);
    if (problem != null) {
      throw InvalidField.message("Invalid value for field [task ID]: " + problem);
    }
    return id;
  }

  /** A data source name follows Druid's id rules, within {@link #MAX_DATA_SOURCE_LENGTH} characters. */
  public static String validateDataSource(String dataSource, String field) {
    String problem = problem(dataSource, MAX_DATA_SOURCE_LENGTH);
    if (problem != null) {
      throw InvalidField.value(field, problem);
    }
    return dataSource;
  }

  /** Null when the value is acceptable, else why not. */
  public static String problem(String id, int maxLength) {
    if (id == null || id.isEmpty()) {
      return "Value cannot be null or empty.";
    }
    if (id.length() > maxLength) {
      return "Value is " + id.length() + " characters long; at most " + maxLength + " are allowed.";
    }
    if (id.startsWith(".")) {
      return "Value [" + printable(id) + "] cannot start with '.'.";
    }
    if (id.contains("/")) {
      return "Value [" + printable(id) + "] cannot contain '/'.";
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isWhitespace(c) && c != ' ' || Character.isSpaceChar(c) && c != ' ') {
        return "Value [" + printable(id) + "] contains illegal whitespace characters. Only space is allowed.";
      }
      if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
        return "Value [" + printable(id) + "] contains illegal UTF8 character [#" + (int) c + "] at position [" + i + "]";
      }
    }
    return null;
  }

  /** Druid's noop ids: {@code noop_<ISO time>_<UUID>}. */
  public static String generateNoop(Instant now) {
    return "noop_" + Timestamps.format(now) + "_" + java.util.UUID.randomUUID();
  }

  /** Druid's shape: {@code <type>_<dataSource>_<8 letters a–p>_<ISO time>}. */
  public static String generate(String type, String dataSource, Instant now) {
    return type + "_" + dataSource + "_" + letters() + "_" + Timestamps.format(now);
  }

  /** Druid's shape for a task of an interval: {@code <type>_<dataSource>_<8 letters>_<start>_<end>_<ISO time>}. */
  public static String generate(String type, String dataSource, Interval interval, Instant now) {
    return type + "_" + dataSource + "_" + letters() + "_" + Timestamps.format(interval.start()) + "_"
        + Timestamps.format(interval.end()) + "_" + Timestamps.format(now);
  }

  private static String letters() {
    StringBuilder letters = new StringBuilder(8);
    for (int i = 0; i < 8; i++) {
      letters.append((char) ('a' + RANDOM.nextInt(16)));
    }
    return letters.toString();
  }

  private static String printable(String id) {
    StringBuilder b = new StringBuilder();
    id.codePoints().limit(100).forEach(cp -> {
      if (Character.isISOControl(cp) || Character.isWhitespace(cp) && cp != ' ') {
        b.append(String.format("\\u%04x", cp));
      } else {
        b.appendCodePoint(cp);
      }
    });
    return id.length() > 100 ? b + "..." : b.toString();
  }
}
