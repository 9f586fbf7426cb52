package dev.druidtasks.server.ingest.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.druidtasks.server.task.InvalidField;
import dev.druidtasks.server.task.Interval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.joda.time.Period;
import org.joda.time.format.ISOPeriodFormat;

/**
 * A way of cutting time into buckets, as Druid's granularities do, in UTC: a name ({@code "day"},
 * any case) or an object ({@code {"type": "period", "period": "PT6H"}}, {@code duration}, {@code none},
 * {@code all}). {@code none} keeps every millisecond; {@code all} is one bucket for all time.
 *
 * @param unit how buckets are measured
 * @param amount bucket size in {@code unit}s
 * @param json how Druid writes it back in a stored spec
 */
public record Granularity(Unit unit, long amount, @JsonValue Object json) {
  public enum Unit { NONE, ALL, MILLIS, WEEK, MONTH }

  private static final long SECOND = 1000;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;
  /** 1970-01-05, the first Monday after the epoch: ISO weeks start on Mondays. */
  private static final long MONDAY_EPOCH_DAY = 4;
  private static final long ETERNITY_START = Interval.ETERNITY.start().toEpochMilli();
  private static final long ETERNITY_END = Interval.ETERNITY.end().toEpochMilli();

  public static final Granularity NONE = new Granularity(Unit.NONE, 1, Map.of("type", "none"));
  public static final Granularity ALL = new Granularity(Unit.ALL, 1, Map.of("type", "all"));
  /** Druid's standard granularities, finest first. */
  public static final List<Granularity> STANDARD = List.of(millis("SECOND", SECOND), millis("MINUTE", MINUTE),
      millis("FIVE_MINUTE", 5 * MINUTE), millis("TEN_MINUTE", 10 * MINUTE), millis("FIFTEEN_MINUTE", 15 * MINUTE),
      millis("THIRTY_MINUTE", 30 * MINUTE), millis("HOUR", HOUR), millis("SIX_HOUR", 6 * HOUR),
      millis("EIGHT_HOUR", 8 * HOUR), millis("DAY", DAY), new Granularity(Unit.WEEK, 1, "WEEK"),
      new Granularity(Unit.MONTH, 1, "MONTH"), new Granularity(Unit.MONTH, 3, "QUARTER"),
      new Granularity(Unit.MONTH, 12, "YEAR"));
  public static final Granularity DAY_GRANULARITY = byName("day");

  private static Granularity millis(String name, long millis) {
    return new Granularity(Unit.MILLIS, millis, name);
  }

  /** A granularity by Druid's name, in any case. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Granularity byName(String text) {
    String upper = text.trim().toUpperCase(Locale.ROOT);
    return switch (upper) {
      case "NONE" -> NONE;
      case "ALL" -> ALL;
      default -> STANDARD.stream().filter(g -> g.json().equals(upper)).findFirst()
          .orElseThrow(() -> InvalidField.of("", ": unknown granularity [" + text + "]"));
    };
  }

  /** The object form: {@code period} (single-unit, UTC, no origin), {@code duration}, or a name as {@code type}. */
  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  static Granularity of(@JsonProperty("type") String type, @JsonProperty("period") String period,
      @JsonProperty("timeZone") String timeZone, @JsonProperty("origin") Object origin,
      @JsonProperty("duration") Long duration) {
    String kind = InvalidField.required(type, "type").toLowerCase(Locale.ROOT);
    if (!kind.equals("period") && !kind.equals("duration")) {
      return byName(type);
    }
    if (timeZone != null && !List.of("UTC", "Etc/UTC", "Z").contains(timeZone)) {
      throw InvalidField.of("timeZone", ": only UTC is supported, got [" + timeZone + "]");
    }
    if (origin != null) {
      throw InvalidField.of("origin", " is not supported");
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", type);
    if (kind.equals("duration")) {
      if (duration == null || duration <= 0) {
        throw InvalidField.of("duration", " must be a positive number of milliseconds");
      }
      json.put("duration", duration);
      return new Granularity(Unit.MILLIS, duration, json);
    }
    json.put("period", period);
    if (timeZone != null) {
      json.put("timeZone", timeZone);
    }
    return period(period == null ? "" : period, json);
  }

  /** Druid's period granularity, for periods of one field (Joda's ISO periods: P1D, PT6H, P3M, …). */
  private static Granularity period(String iso, Map<String, Object> json) {
    Period p;
    try {
      p = ISOPeriodFormat.standard().parsePeriod(iso);
    } catch (IllegalArgumentException e) {
      p = null;
    }
    int[] values = p == null ? new int[0] : p.getValues();
    int set = 0;
    int field = -1;
    for (int i = 0; i < values.length; i++) {
      if (values[i] != 0) {
        set++;
        field = i;
      }
    }
    if (set != 1 || values[field] < 0 || field == 7) {
      throw InvalidField.of("period",
          ": only single-unit periods such as P1D, PT6H or P3M are supported, got [" + iso + "]");
    }
    long n = values[field];
    // Joda's standard period fields: years, months, weeks, days, hours, minutes, seconds, millis
    return switch (field) {
      case 0 -> new Granularity(Unit.MONTH, 12 * n, json);
      case 1 -> new Granularity(Unit.MONTH, n, json);
      case 2 -> new Granularity(Unit.WEEK, n, json);
      case 3 -> new Granularity(Unit.MILLIS, n * DAY, json);
      case 4 -> new Granularity(Unit.MILLIS, n * HOUR, json);
      case 5 -> new Granularity(Unit.MILLIS, n * MINUTE, json);
      default -> new Granularity(Unit.MILLIS, n * SECOND, json);
    };
  }

  /** The start of the bucket holding {@code t} (epoch millis). */
  public long bucketStart(long t) {
    return switch (unit) {
      case NONE -> t;
      case ALL -> ETERNITY_START;
      case MILLIS -> Math.floorDiv(t, amount) * amount;
      case WEEK -> {
        long weekDays = 7 * amount;
        yield (Math.floorDiv(Math.floorDiv(t, DAY) - MONDAY_EPOCH_DAY, weekDays) * weekDays + MONDAY_EPOCH_DAY) * DAY;
      }
      default -> monthsToMillis(Math.floorDiv(monthsSinceYearZero(t), amount) * amount);
    };
  }

  /** The end of the bucket starting at {@code start}. */
  public long bucketEnd(long start) {
    return switch (unit) {
      case NONE -> start + 1;
      case ALL -> ETERNITY_END;
      case MILLIS -> start + amount;
      case WEEK -> start + 7 * amount * DAY;
      default -> monthsToMillis(monthsSinceYearZero(start) + amount);
    };
  }

  /** Months from January of year 0 to the month holding {@code t}. */
  private static long monthsSinceYearZero(long t) {
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(t, DAY));
    return (long) date.getYear() * 12 + date.getMonthValue() - 1;
  }

  public Interval bucket(long t) {
    long start = bucketStart(t);
    return new Interval(Instant.ofEpochMilli(start), Instant.ofEpochMilli(bucketEnd(start)));
  }

  private static long monthsToMillis(long months) {
    int year = (int) Math.floorDiv(months, 12);
    int month = (int) Math.floorMod(months, 12) + 1;
    return LocalDate.of(year, month, 1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
  }
}
