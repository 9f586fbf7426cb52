package dev.druidtasks.server.ingest.read;

import static dev.druidtasks.server.ingest.read.NumberText.NOT_INTEGER;
import static dev.druidtasks.server.ingest.read.NumberText.digits;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import org.joda.time.DateTimeZone;
import org.joda.time.format.DateTimeFormat;
import org.joda.time.format.DateTimeFormatter;
import org.joda.time.format.DateTimeFormatterBuilder;
import org.joda.time.format.DateTimeParser;
import org.joda.time.format.ISODateTimeFormat;

/**
 * Parses row timestamps the way Druid's {@code timestampSpec.format} says: {@code iso}, {@code auto}
 * (ISO or epoch millis), {@code millis}, {@code posix}, {@code micro}, {@code nano}, {@code ruby}, or a
 * Joda-Time pattern. ISO text and integers are read straight from bytes; Joda-Time does the rest. Every
 * method answers epoch milliseconds or throws {@link IllegalArgumentException}.
 */
public final class TimestampFormat {
  private enum Kind { ISO, AUTO, MILLIS, POSIX, MICRO, NANO, RUBY, PATTERN }

  private static final long NOT_PARSED = Long.MIN_VALUE;
  private final Kind kind;
  private final DateTimeFormatter pattern;

  private TimestampFormat(Kind kind, DateTimeFormatter pattern) {
    this.kind = kind;
    this.pattern = pattern;
  }

  /** @throws IllegalArgumentException when {@code format} is neither a known name nor a valid Joda pattern */
  public static TimestampFormat of(String format) {
    for (Kind k : Kind.values()) {
      if (k != Kind.PATTERN && k.name().toLowerCase(Locale.ROOT).equals(format.toLowerCase(Locale.ROOT))) {
        return new TimestampFormat(k, null);
      }
    }
    try {
      return new TimestampFormat(Kind.PATTERN, DateTimeFormat.forPattern(format).withZoneUTC().withLocale(Locale.ENGLISH));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid timestamp format [" + format + "]: " + e.getMessage(), e);
    }
  }

  /** A JSON number token's text, e.g. {@code 1442016418771} or {@code 1.4e12}: cut to a long, as Druid does. */
  public long parseNumberLiteral(byte[] b, int off, int len) {
    if (kind == Kind.ISO || kind == Kind.PATTERN || kind == Kind.RUBY) {
      return parseText(NumberText.ascii(b, off, len));
    }
    long v = NumberText.smallInteger(b, off, len);
    return scale(v != NOT_INTEGER ? v : NumberText.longValue(NumberText.ascii(b, off, len)));
  }

  /** The content of a string value, as UTF-8 bytes without escapes. */
  public long parseUtf8(byte[] b, int off, int len) {
    if (kind == Kind.AUTO && len > 0 && b[off] != '-' && b[off] != '+') {
      long v = NumberText.smallInteger(b, off, len);
      if (v != NOT_INTEGER) {
        return v;
      }
    }
    long t = kind == Kind.ISO || kind == Kind.AUTO ? fastIso(b, off, len) : NOT_PARSED;
    return t != NOT_PARSED ? t : parseText(new String(b, off, len, StandardCharsets.UTF_8));
  }

  public long parseText(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("null timestamp");
    }
    String s = stripQuotes(text);
    try {
      return switch (kind) {
        case AUTO -> !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9') ? Long.parseLong(s) : parseAuto(s);
        case ISO -> {
          long t = fastIso(s);
          yield t != NOT_PARSED ? t : Joda.ISO.parseMillis(s.replace(' ', 'T'));
        }
        case MILLIS, POSIX, MICRO, NANO -> scale(Long.parseLong(s));
        case RUBY -> (long) (Double.parseDouble(s) * 1000);
        case PATTERN -> pattern.parseMillis(s);
      };
    } catch (ArithmeticException e) {
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

  /** As Druid: a trailing zone id (e.g. {@code 2015-09-12 10:00:00 America/New_York}) gives the zone. */
  private static long parseAuto(String s) {
    long t = fastIso(s);
    if (t != NOT_PARSED) {
      return t;
    }
    int space = s.lastIndexOf(' ');
    if (space > 0) {
      try {
        DateTimeZone zone = DateTimeZone.forID(s.substring(space + 1));
        return Joda.AUTO.withZone(zone).parseMillis(s.substring(0, space));
      } catch (IllegalArgumentException notAZone) {
        // the whole text is the timestamp
      }
    }
    return Joda.AUTO.parseMillis(s);
  }

  private static long fastIso(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return fastIso(b, 0, b.length);
  }

  /** Joda-Time's parsers, loaded on first use: rows in the common forms never need them. */
  private static final class Joda {
    static final DateTimeFormatter ISO = ISODateTimeFormat.dateTimeParser().withZoneUTC();
    /** Druid's {@code auto} text form: an ISO date, then optionally {@code T} or a space, a time and an offset. */
    static final DateTimeFormatter AUTO = new DateTimeFormatterBuilder()
        .append(ISODateTimeFormat.dateElementParser())
        .appendOptional(new DateTimeFormatterBuilder()
            .append(null, new DateTimeParser[] {
                new DateTimeFormatterBuilder().appendLiteral('T').toParser(),
                new DateTimeFormatterBuilder().appendLiteral(' ').toParser()})
            .appendOptional(ISODateTimeFormat.timeElementParser().getParser())
            .appendOptional(new DateTimeFormatterBuilder().appendTimeZoneOffset("Z", true, 2, 4).toParser())
            .toParser())
        .toFormatter().withZoneUTC();
  }

  private static String stripQuotes(String s) {
    String t = s.trim();
    return t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"' ? t.substring(1, t.length() - 1) : t;
  }

  /**
   * {@code yyyy[-MM[-dd]][(T| )HH[:mm[:ss[(.|,)S…]]]][Z|±HH[[:]mm]]} straight from bytes, the common
   * case; NOT_PARSED for anything else (Joda-Time then decides). A field that is not all digits reads
   * as -1, which fails the range checks at the end.
   */
  static long fastIso(byte[] b, int off, int len) {
    int end = off + len;
    int year = digits(b, off, 4, end);
    int i = off + 4;
    int month = 1;
    int day = 1;
    if (i < end && b[i] == '-') {
      month = digits(b, i + 1, 2, end);
      i += 3;
      if (i < end && b[i] == '-') {
        day = digits(b, i + 1, 2, end);
        i += 3;
      }
    }
    int hour = 0;
    int minute = 0;
    int second = 0;
    int millis = 0;
    if (i < end && (b[i] == 'T' || b[i] == ' ')) {
      hour = digits(b, i + 1, 2, end);
      i += 3;
      if (i < end && b[i] == ':') {
        minute = digits(b, i + 1, 2, end);
        i += 3;
        if (i < end && b[i] == ':') {
          second = digits(b, i + 1, 2, end);
          i += 3;
          if (i < end && (b[i] == '.' || b[i] == ',')) {
            int from = ++i;
            for (; i < end && b[i] >= '0' && b[i] <= '9'; i++) {
              millis += i - from < 3 ? (b[i] - '0') * (i == from ? 100 : i == from + 1 ? 10 : 1) : 0;
            }
            if (i == from) {
              return NOT_PARSED;
            }
          }
        }
      }
    }
    int offsetSeconds = 0;
    if (i < end && (b[i] == '+' || b[i] == '-')) {
      int sign = b[i] == '-' ? -1 : 1;
      int oh = digits(b, i + 1, 2, end);
      i += 3;
      i += i < end && b[i] == ':' ? 1 : 0;
      int om = i < end ? digits(b, i, 2, end) : 0;
      i += i < end ? 2 : 0;
      if (oh < 0 || om < 0) {
        return NOT_PARSED;
      }
      offsetSeconds = sign * (oh * 3600 + om * 60);
    } else if (i < end && b[i] == 'Z') {
      i++;
    }
    if (i != end || year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || second < 0 || second > 59) {
      return NOT_PARSED;
    }
    try {
      long days = LocalDate.of(year, month, day).toEpochDay();
      return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis - offsetSeconds * 1000L;
    } catch (DateTimeException e) {
      return NOT_PARSED;
    }
  }
}
