package dev.druidtasks.server.ingest.spec;

import dev.druidtasks.server.task.InvalidField;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** The bounds of a {@code bound}, {@code range} or numeric {@code equals} filter; a null bound is open. */
record Limits(String lower, String upper, boolean lowerStrict, boolean upperStrict, Ordering ordering) {
  boolean matchAny(List<String> values) {
    for (String v : values) {
      if (v != null && within(v)) {
        return true;
      }
    }
    return false;
  }

  private boolean within(String v) {
    if (lower != null) {
      Integer c = ordering.compare(v, lower);
      if (c == null || c < 0 || (lowerStrict && c == 0)) {
        return false;
      }
    }
    if (upper != null) {
      Integer c = ordering.compare(v, upper);
      return c != null && c <= 0 && !(upperStrict && c == 0);
    }
    return true;
  }

  enum Ordering {
    LEXICOGRAPHIC, NUMERIC, STRLEN;

    static Ordering named(String name) {
      return switch (name.toLowerCase(Locale.ROOT)) {
        case "lexicographic" -> LEXICOGRAPHIC;
        case "numeric" -> NUMERIC;
        case "strlen" -> STRLEN;
        default -> throw InvalidField.of("ordering",
            ": ordering [" + name + "] is not supported (supported: lexicographic, numeric, strlen)");
      };
    }

    /** Compares a row value to a bound; null when the value cannot be ordered this way (never matches). */
    Integer compare(String value, String bound) {
      return switch (this) {
        case NUMERIC -> {
          BigDecimal a = number(value);
          BigDecimal b = number(bound);
          yield a == null || b == null ? null : a.compareTo(b);
        }
        case STRLEN -> {
          int c = Integer.compare(value.codePointCount(0, value.length()), bound.codePointCount(0, bound.length()));
          yield c != 0 ? c : compareCodePoints(value, bound);
        }
        default -> compareCodePoints(value, bound);
      };
    }

    private static BigDecimal number(String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }

    /** Code point order, which is UTF-8 byte order (Druid's lexicographic comparator). */
    private static int compareCodePoints(String a, String b) {
      int i = 0;
      int j = 0;
      while (i < a.length() && j < b.length()) {
        int ca = a.codePointAt(i);
        int cb = b.codePointAt(j);
        if (ca != cb) {
          return Integer.compare(ca, cb);
        }
        i += Character.charCount(ca);
        j += Character.charCount(cb);
      }
      return Integer.compare(a.length() - i, b.length() - j);
    }
  }
}
