package dev.druidtasks.server.ingest;

import dev.druidtasks.server.task.Interval;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;

/**
 * Parses row timestamps the way Druid's {@code timestampSpec.format} says: {@code iso}, {@code auto}
 * (ISO or epoch millis), {@code millis}, {@code posix}, {@code micro}, {@code nano}, {@code ruby}, or a
 * Joda-style pattern. Every method answers epoch milliseconds or throws {@link IllegalArgumentException}.
 */
final class TimestampFormat {
  enum Kind { ISO, AUTO, MILLIS, POSIX, MICRO, NANO, RUBY, PATTERN }

  private static final long NOT_PARSED = Long.MIN_VALUE;

  private final Kind kind;
  private final DateTimeFormatter pattern;

  private TimestampFormat(Kind kind, DateTimeFormatter pattern) {
    this.kind = kind;
    this.pattern = pattern;
  }

  /** @throws IllegalArgumentException when {@code format} is neither a known name nor a valid pattern */
  static TimestampFormat of(String format) {
    String lower = format.toLowerCase(Locale.ROOT);
    return switch (lower) {
      case "iso" -> new TimestampFormat(Kind.ISO, null);
      case "auto" -> new TimestampFormat(Kind.AUTO, null);
      case "millis" -> new TimestampFormat(Kind.MILLIS, null);
      case "posix" -> new TimestampFormat(Kind.POSIX, null);
      case "micro" -> new TimestampFormat(Kind.MICRO, null);
      case "nano" -> new TimestampFormat(Kind.NANO, null);
      case "ruby" -> new TimestampFormat(Kind.RUBY, null);
      default -> new TimestampFormat(Kind.PATTERN, JodaPattern.toFormatter(format));
    };
  }

  Kind kind() {
    return kind;
  }

  private boolean numericKind() {
    return kind == Kind.AUTO || kind == Kind.MILLIS || kind == Kind.POSIX || kind == Kind.MICRO
        || kind == Kind.NANO || kind == Kind.RUBY;
  }

  /** A JSON number token's text, e.g. {@code 1442016418771} or {@code 1.4e12}. */
  long parseNumberLiteral(byte[] b, int off, int len) {
    if (!numericKind()) {
      return parseText(new String(b, off, len, StandardCharsets.US_ASCII));
    }
    if (kind == Kind.RUBY) {
      return (long) (Double.parseDouble(new String(b, off, len, StandardCharsets.US_ASCII)) * 1000);
    }
    long v = parseLongDigits(b, off, len);
    if (v == NOT_PARSED) {
      // Druid takes Number.longValue(): fractions are cut
      v = (long) Double.parseDouble(new String(b, off, len, StandardCharsets.US_ASCII));
    }
    return scale(v);
  }

  /** The content of a string value, as UTF-8 bytes without escapes. */
  long parseUtf8(byte[] b, int off, int len) {
    if (kind == Kind.ISO || kind == Kind.AUTO) {
      if (kind == Kind.AUTO && allDigits(b, off, len)) {
        long v = parseLongDigits(b, off, len);
        if (v != NOT_PARSED) {
          return v;
        }
      }
      long t = fastIso(b, off, len);
      if (t != NOT_PARSED) {
        return t;
      }
    }
    return parseText(new String(b, off, len, StandardCharsets.UTF_8));
  }

  long parseText(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("null timestamp");
    }
    String s = stripQuotes(text);
    try {
      switch (kind) {
        case AUTO: {
          byte[] b = s.getBytes(StandardCharsets.UTF_8);
          if (allDigits(b, 0, b.length)) {
            return Long.parseLong(s);
          }
          return parseIsoText(s, true);
        }
        case ISO:
          return parseIsoText(s, false);
        case MILLIS:
        case POSIX:
        case MICRO:
        case NANO:
          return scale(Long.parseLong(s));
        case RUBY:
          return (long) (Double.parseDouble(s) * 1000);
        default:
          return parsePattern(s);
      }
    } catch (DateTimeException | ArithmeticException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private long scale(long v) {
    return switch (kind) {
      case POSIX -> Math.multiplyExact(v, 1000L);
      case MICRO -> v / 1000;
      case NANO -> v / 1_000_000;
      default -> v;
    };
  }

  private long parsePattern(String s) {
    TemporalAccessor t = pattern.parse(s);
    ZoneId zone = t.query(TemporalQueries.zone());
    LocalDate date = t.query(TemporalQueries.localDate());
    LocalTime time = t.query(TemporalQueries.localTime());
    if (date == null) {
      throw new IllegalArgumentException("pattern gives no date");
    }
    LocalDateTime ldt = date.atTime(time == null ? LocalTime.MIDNIGHT : time);
    return (zone == null ? ldt.toInstant(ZoneOffset.UTC) : ldt.atZone(zone).toInstant()).toEpochMilli();
  }

  private static long parseIsoText(String s, boolean allowZoneSuffix) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    long t = fastIso(b, 0, b.length);
    if (t != NOT_PARSED) {
      return t;
    }
    try {
      return OffsetDateTime.parse(s).toInstant().toEpochMilli();
    } catch (DateTimeException ignored) {
      // shorter forms below
    }
    int space = s.lastIndexOf(' ');
    if (allowZoneSuffix && space > 0) {
      // auto accepts "2015-09-12 10:00:00 America/New_York"
      try {
        ZoneId zone = ZoneId.of(s.substring(space + 1));
        String local = s.substring(0, space).replace(' ', 'T');
        return LocalDateTime.parse(local).atZone(zone).toInstant().toEpochMilli();
      } catch (DateTimeException ignored) {
        // not a zone suffix
      }
    }
    Instant i = Interval.parseInstant(s.replace(' ', 'T'));
    return i.toEpochMilli();
  }

  private static String stripQuotes(String s) {
    String t = s.trim();
    if (t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') {
      return t.substring(1, t.length() - 1);
    }
    return t;
  }

  private static boolean allDigits(byte[] b, int off, int len) {
    if (len == 0) {
      return false;
    }
    for (int i = off; i < off + len; i++) {
      if (b[i] < '0' || b[i] > '9') {
        return false;
      }
    }
    return true;
  }

  /** An optionally signed integer literal, or NOT_PARSED when it has a fraction, exponent or overflows. */
  private static long parseLongDigits(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    boolean neg = false;
    if (i < end && (b[i] == '-' || b[i] == '+')) {
      neg = b[i] == '-';
      i++;
    }
    if (i == end || end - i > 18) {
      return NOT_PARSED;
    }
    long v = 0;
    for (; i < end; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return NOT_PARSED;
      }
      v = v * 10 + d;
    }
    return neg ? -v : v;
  }

  private static int digits(byte[] b, int at, int n, int end) {
    if (at + n > end) {
      return -1;
    }
    int v = 0;
    for (int i = at; i < at + n; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /**
   * {@code yyyy[-MM[-dd]][(T| )HH[:mm[:ss[.SSS…]]]][Z|±HH[[:]mm]]} straight from bytes, the common case;
   * NOT_PARSED for anything else (the slower java.time path then decides).
   */
  static long fastIso(byte[] b, int off, int len) {
    int end = off + len;
    int i = off;
    int year = digits(b, i, 4, end);
    if (year < 0) {
      return NOT_PARSED;
    }
    i += 4;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int millis = 0;
    int offsetSeconds = 0;
    if (i < end && b[i] == '-') {
      month = digits(b, i + 1, 2, end);
      i += 3;
      if (month < 0) {
        return NOT_PARSED;
      }
      if (i < end && b[i] == '-') {
        day = digits(b, i + 1, 2, end);
        i += 3;
        if (day < 0) {
          return NOT_PARSED;
        }
      }
    }
    if (i < end && (b[i] == 'T' || b[i] == ' ')) {
      hour = digits(b, i + 1, 2, end);
      i += 3;
      if (hour < 0) {
        return NOT_PARSED;
      }
      if (i < end && b[i] == ':') {
        minute = digits(b, i + 1, 2, end);
        i += 3;
        if (minute < 0) {
          return NOT_PARSED;
        }
        if (i < end && b[i] == ':') {
          second = digits(b, i + 1, 2, end);
          i += 3;
          if (second < 0) {
            return NOT_PARSED;
          }
          if (i < end && (b[i] == '.' || b[i] == ',')) {
            i++;
            int n = 0;
            int frac = 0;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
              if (n < 3) {
                frac = frac * 10 + (b[i] - '0');
              }
              n++;
              i++;
            }
            if (n == 0) {
              return NOT_PARSED;
            }
            for (; n < 3; n++) {
              frac *= 10;
            }
            millis = frac;
          }
        }
      }
    }
    if (i < end) {
      byte c = b[i];
      if (c == 'Z' && i + 1 == end) {
        i++;
      } else if (c == '+' || c == '-') {
        int oh = digits(b, i + 1, 2, end);
        i += 3;
        int om = 0;
        if (oh < 0) {
          return NOT_PARSED;
        }
        if (i < end && b[i] == ':') {
          i++;
        }
        if (i < end) {
          om = digits(b, i, 2, end);
          i += 2;
          if (om < 0) {
            return NOT_PARSED;
          }
        }
        offsetSeconds = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
      }
      if (i != end) {
        return NOT_PARSED;
      }
    }
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59
        || second > 59) {
      return NOT_PARSED;
    }
    long days = daysFromCivil(year, month, day);
    return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis - offsetSeconds * 1000L;
  }

  private static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date. */
  private static long daysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }

  /** Joda-Time pattern letters mapped to java.time ones. */
  static final class JodaPattern {
    private JodaPattern() {}

    static DateTimeFormatter toFormatter(String joda) {
      StringBuilder out = new StringBuilder();
      boolean hasEra = joda.indexOf('G') >= 0;
      int i = 0;
      while (i < joda.length()) {
        char c = joda.charAt(i);
        if (c == '\'') {
          int close = joda.indexOf('\'', i + 1);
          if (close < 0) {
            throw new IllegalArgumentException("Unterminated quote in timestamp format [" + joda + "]");
          }
          out.append(joda, i, close + 1);
          i = close + 1;
          continue;
        }
        int run = i;
        while (run < joda.length() && joda.charAt(run) == c) {
          run++;
        }
        int n = run - i;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
          switch (c) {
            case 'Y' -> out.append("y".repeat(n));
            case 'y' -> out.append((hasEra ? "y" : "u").repeat(n));
            case 'x' -> out.append("Y".repeat(n));
            case 'Z' -> out.append(n == 1 ? "XX" : n == 2 ? "XXX" : "VV");
            case 'C' -> throw new IllegalArgumentException("Century fields are not supported in [" + joda + "]");
            default -> out.append(String.valueOf(c).repeat(n));
          }
        } else {
          if (c == '[' || c == ']' || c == '{' || c == '}' || c == '#') {
            out.append('\'').append(String.valueOf(c).repeat(n)).append('\'');
          } else {
            out.append(String.valueOf(c).repeat(n));
          }
        }
        i = run;
      }
      String p = out.toString();
      DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().parseCaseInsensitive();
      try {
        builder.appendPattern(p);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Invalid timestamp format [" + joda + "]: " + e.getMessage());
      }
      String letters = p.replaceAll("'[^']*'", "");
      if (letters.indexOf('M') < 0 && letters.indexOf('L') < 0 && letters.indexOf('D') < 0
          && letters.indexOf('w') < 0) {
        builder.parseDefaulting(ChronoField.MONTH_OF_YEAR, 1);
      }
      if (letters.indexOf('d') < 0 && letters.indexOf('D') < 0 && letters.indexOf('E') < 0
          && letters.indexOf('e') < 0) {
        builder.parseDefaulting(ChronoField.DAY_OF_MONTH, 1);
      }
      if (letters.indexOf('H') < 0 && letters.indexOf('h') < 0 && letters.indexOf('k') < 0
          && letters.indexOf('K') < 0) {
        builder.parseDefaulting(ChronoField.HOUR_OF_DAY, 0);
      }
      if (letters.indexOf('m') < 0) {
        builder.parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0);
      }
      if (letters.indexOf('s') < 0) {
        builder.parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0);
      }
      return builder.toFormatter(Locale.ENGLISH);
    }
  }
}
