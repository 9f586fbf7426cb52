package dev.druidtasks.server.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.joda.time.IllegalFieldValueException;
import org.joda.time.Period;
import org.joda.time.chrono.ISOChronology;
import org.joda.time.format.ISOPeriodFormat;
import org.joda.time.format.DateTimeFormatter;
import org.joda.time.format.ISODateTimeFormat;

/** A half-open time range [start, end), as Druid writes it: {@code 2015-09-12/2015-09-13}. */
public record Interval(Instant start, Instant end) {

  /**
   * All time, as far as this server stores timestamps: PostgreSQL's own range is wider, but every
   * answer writes 4-digit years, as Druid's clients read them.
   */
  public static final Interval ETERNITY =
      new Interval(Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999Z"));
  private static final DateTimeFormatter INSTANT =
      ISODateTimeFormat.dateTimeParser().withChronology(ISOChronology.getInstanceUTC());

  public Interval {
    if (start.isAfter(end)) {
      throw new IllegalArgumentException("The end of interval [" + start + "/" + end + "] must not be before its start");
    }
  }

  public boolean overlaps(Interval other) {
    return start.isBefore(other.end) && other.start.isBefore(end);
  }

  public boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }

  public long durationMillis() {
    return end.toEpochMilli() - start.toEpochMilli();
  }

  /** Whether every instant of it can be stored and written back: it lies within {@link #ETERNITY}. */
  public boolean storable() {
    return !start.isBefore(ETERNITY.start) && !end.isAfter(ETERNITY.end);
  }

  /**
   * The part of it within {@link #ETERNITY}, so that a filter such as Druid's own
   * {@code DateTimes.MIN/now} or {@code ETERNITY} selects what it means; empty at the nearer bound
   * when it lies wholly outside.
   */
  public Interval clampedToEternity() {
    Instant s = start.isBefore(ETERNITY.start) ? ETERNITY.start : start.isAfter(ETERNITY.end) ? ETERNITY.end : start;
    Instant e = end.isAfter(ETERNITY.end) ? ETERNITY.end : end.isBefore(ETERNITY.start) ? ETERNITY.start : end;
    return new Interval(s, e);
  }

  /**
   * Parses {@code start/end}, {@code start/period} or {@code period/end} with the given separator
   * ('/' in bodies, '_' in the createdTimeInterval query parameter), as Druid does: ISO-8601 in
   * UTC unless an offset is given.
   */
  public static Interval parse(String text, char separator) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("interval is empty");
    }
    int at = text.indexOf(separator);
    if (at <= 0 || at == text.length() - 1 || text.indexOf(separator, at + 1) >= 0) {
      throw new IllegalArgumentException("Invalid interval [" + text + "]: expected start" + separator + "end");
    }
    String a = text.substring(0, at).trim();
    String b = text.substring(at + 1).trim();
    try {
      if (a.startsWith("P")) {
        Instant end = parseInstant(b);
        return new Interval(shift(end, a, -1), end);
      }
      Instant start = parseInstant(a);
      return new Interval(start, b.startsWith("P") ? shift(start, b, 1) : parseInstant(b));
    } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
      throw new IllegalArgumentException("Invalid interval [" + text + "]: " + e.getMessage());
    }
  }

  /** Moves {@code t} by an ISO-8601 period such as {@code P1D} or {@code P1DT12H}, forward or back. */
  private static Instant shift(Instant t, String period, int sign) {
    Period p = ISOPeriodFormat.standard().parsePeriod(period);
    return Instant.ofEpochMilli(new DateTime(t.toEpochMilli(), DateTimeZone.UTC).withPeriodAdded(p, sign).getMillis());
  }

  /** An interval in JSON: {@code start/end}; a wrong one names the field it is in. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static Interval fromJson(String text) {
    try {
      return parse(text, '/');
    } catch (IllegalArgumentException e) {
      throw InvalidField.of("", ": [" + text + "] is not an ISO-8601 interval");
    }
  }

  /** ISO-8601 instant, date-time or date, in UTC unless an offset is given. */
  public static Instant parseInstant(String s) {
    String t = s.trim();
    try {
      return Instant.ofEpochMilli(INSTANT.parseMillis(t));
    } catch (IllegalFieldValueException e) {
      // Joda's years end at about ±292 million; Druid's clients may send java.time's wider ones
      try {
        return OffsetDateTime.parse(t).toInstant();
      } catch (DateTimeException notOffset) {
        return t.contains("T") ? LocalDateTime.parse(t).toInstant(ZoneOffset.UTC)
            : LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
    }
  }

  @JsonValue
  @Override
  public String toString() {
    return Timestamps.format(start) + "/" + Timestamps.format(end);
  }
}
