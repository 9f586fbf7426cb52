package dev.druidtasks.server.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A half-open time range [start, end), as Druid writes it: {@code 2015-09-12/2015-09-13}. */
public record Interval(Instant start, Instant end) {

  /**
   * All time, as far as this server stores timestamps: PostgreSQL's own range is wider, but every
   * answer writes 4-digit years, as Druid's clients read them.
   */
  public static final Interval ETERNITY =
      new Interval(Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999Z"));
  /** Joda-Time (Druid's clients) writes years past 9999 without the '+' that ISO-8601 asks for. */
  private static final java.util.regex.Pattern UNSIGNED_LONG_YEAR = java.util.regex.Pattern.compile("^\\d{5,}-");

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
   * ('/' in bodies, '_' in the createdTimeInterval query parameter).
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
        return new Interval(minus(end, a), end);
      }
      Instant start = parseInstant(a);
      if (b.startsWith("P")) {
        return new Interval(start, plus(start, b));
      }
      return new Interval(start, parseInstant(b));
    } catch (java.time.DateTimeException | ArithmeticException e) {
      throw new IllegalArgumentException("Invalid interval [" + text + "]: " + e.getMessage());
    }
  }

  /** ISO-8601 instant, date-time without zone (UTC), or date (midnight UTC). */
  public static Instant parseInstant(String s) {
    String t = s.trim();
    if (UNSIGNED_LONG_YEAR.matcher(t).find()) {
      t = "+" + t;
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the shorter forms below
    }
    try {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // try a plain date
    }
    if (t.matches("\\d{4}")) {
      return LocalDate.of(Integer.parseInt(t), 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    if (t.matches("\\d{4}-\\d{2}")) {
      return LocalDate.parse(t + "-01").atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    if (t.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}")) {
      return LocalDateTime.parse(t + ":00").toInstant(ZoneOffset.UTC);
    }
    return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  private static Instant plus(Instant t, String iso) {
    return shift(t, iso, 1);
  }

  private static Instant minus(Instant t, String iso) {
    return shift(t, iso, -1);
  }

  /** Moves {@code t} by an ISO-8601 period such as {@code P1D} or {@code P1DT12H}, forward or back. */
  private static Instant shift(Instant t, String iso, int sign) {
    int tAt = iso.indexOf('T');
    var odt = t.atOffset(ZoneOffset.UTC);
    String datePart = tAt < 0 ? iso : iso.substring(0, tAt);
    if (datePart.length() > 1) {
      Period p = Period.parse(datePart);
      odt = odt.plus(sign > 0 ? p : p.negated());
    }
    if (tAt >= 0) {
      Duration d = Duration.parse("PT" + iso.substring(tAt + 1));
      odt = odt.plus(sign > 0 ? d : d.negated());
    }
    return odt.toInstant();
  }

  @Override
  public String toString() {
    return Timestamps.format(start) + "/" + Timestamps.format(end);
  }
}
