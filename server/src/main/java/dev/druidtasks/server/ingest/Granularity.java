package dev.druidtasks.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.druidtasks.server.task.Interval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A way of cutting time into buckets, as Druid's granularities do, in UTC. {@code none} keeps every
 * millisecond; {@code all} is one bucket for all time.
 *
 * @param name Druid's name for it ({@code DAY}, {@code NONE}, …), or null for a custom period
 * @param unit how buckets are measured
 * @param amount bucket size in {@code unit}s
 * @param json how Druid writes it back in a stored spec
 */
record Granularity(String name, Unit unit, long amount, JsonNode json) {
  enum Unit { NONE, ALL, MILLIS, WEEK, MONTH }

  private static final long SECOND = 1000;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;
  /** 1970-01-05, the first Monday after the epoch: ISO weeks start on Mondays. */
  private static final long MONDAY_EPOCH_DAY = 4;
  static final long ETERNITY_START = Interval.ETERNITY.start().toEpochMilli();
  static final long ETERNITY_END = Interval.ETERNITY.end().toEpochMilli();

  private static final Map<String, long[]> STANDARD = Map.ofEntries(
      Map.entry("SECOND", new long[] {SECOND}),
      Map.entry("MINUTE", new long[] {MINUTE}),
      Map.entry("FIVE_MINUTE", new long[] {5 * MINUTE}),
      Map.entry("TEN_MINUTE", new long[] {10 * MINUTE}),
      Map.entry("FIFTEEN_MINUTE", new long[] {15 * MINUTE}),
      Map.entry("THIRTY_MINUTE", new long[] {30 * MINUTE}),
      Map.entry("HOUR", new long[] {HOUR}),
      Map.entry("SIX_HOUR", new long[] {6 * HOUR}),
      Map.entry("EIGHT_HOUR", new long[] {8 * HOUR}),
      Map.entry("DAY", new long[] {DAY}));

  static final Granularity NONE = new Granularity("NONE", Unit.NONE, 1, typeObject("none"));
  static final Granularity ALL = new Granularity("ALL", Unit.ALL, 1, typeObject("all"));
  static final Granularity DAY_GRANULARITY = standard("DAY");

  private static final Pattern SIMPLE_PERIOD = Pattern.compile("P(?:(\\d+)([YMWD])|T(\\d+)([HMS]))");

  /** Reads a granularity given as a name ({@code "day"}, any case) or an object ({@code {"type": "period", …}}). */
  static Granularity parse(JsonNode node, String path) throws IllegalArgumentException {
    if (node.isTextual()) {
      return byName(node.asText(), path);
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("Field [" + path + "] must be a granularity name or object, got " + node);
    }
    String type = node.path("type").asText("");
    switch (type.toLowerCase(Locale.ROOT)) {
      case "period" -> {
        String tz = node.path("timeZone").asText("UTC");
        if (!tz.equals("UTC") && !tz.equals("Etc/UTC") && !tz.equals("Z")) {
          throw new IllegalArgumentException("Field [" + path + ".timeZone]: only UTC is supported, got [" + tz + "]");
        }
        if (node.hasNonNull("origin")) {
          throw new IllegalArgumentException("Field [" + path + ".origin] is not supported");
        }
        return period(node.path("period").asText(""), path + ".period", node);
      }
      case "duration" -> {
        long ms = node.path("duration").asLong(0);
        if (ms <= 0) {
          throw new IllegalArgumentException("Field [" + path + ".duration] must be a positive number of milliseconds");
        }
        if (node.hasNonNull("origin")) {
          throw new IllegalArgumentException("Field [" + path + ".origin] is not supported");
        }
        return new Granularity(null, Unit.MILLIS, ms, node.deepCopy());
      }
      case "" -> throw new IllegalArgumentException("Field [" + path + ".type] is required");
      default -> {
        return byName(type, path);
      }
    }
  }

  static Granularity byName(String text, String path) {
    String upper = text.trim().toUpperCase(Locale.ROOT);
    switch (upper) {
      case "NONE":
        return NONE;
      case "ALL":
        return ALL;
      case "WEEK":
        return new Granularity(upper, Unit.WEEK, 1, JsonNodeFactory.instance.textNode(upper));
      case "MONTH":
        return new Granularity(upper, Unit.MONTH, 1, JsonNodeFactory.instance.textNode(upper));
      case "QUARTER":
        return new Granularity(upper, Unit.MONTH, 3, JsonNodeFactory.instance.textNode(upper));
      case "YEAR":
        return new Granularity(upper, Unit.MONTH, 12, JsonNodeFactory.instance.textNode(upper));
      default:
        if (STANDARD.containsKey(upper)) {
          return standard(upper);
        }
        throw new IllegalArgumentException("Field [" + path + "]: unknown granularity [" + text + "]");
    }
  }

  private static Granularity standard(String upper) {
    return new Granularity(upper, Unit.MILLIS, STANDARD.get(upper)[0], JsonNodeFactory.instance.textNode(upper));
  }

  private static Granularity period(String iso, String path, JsonNode original) {
    Matcher m = SIMPLE_PERIOD.matcher(iso);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Field [" + path + "]: only single-unit periods such as P1D, PT6H or P3M are supported, got [" + iso + "]");
    }
    long n = Long.parseLong(m.group(1) != null ? m.group(1) : m.group(3));
    if (n <= 0) {
      throw new IllegalArgumentException("Field [" + path + "] must be a positive period, got [" + iso + "]");
    }
    if (m.group(2) != null) {
      return switch (m.group(2)) {
        case "Y" -> new Granularity(null, Unit.MONTH, 12 * n, original.deepCopy());
        case "M" -> new Granularity(null, Unit.MONTH, n, original.deepCopy());
        case "W" -> new Granularity(null, Unit.WEEK, n, original.deepCopy());
        default -> new Granularity(null, Unit.MILLIS, n * DAY, original.deepCopy());
      };
    }
    long unitMs = switch (m.group(4)) {
      case "H" -> HOUR;
      case "M" -> MINUTE;
      default -> SECOND;
    };
    return new Granularity(null, Unit.MILLIS, n * unitMs, original.deepCopy());
  }

  private static JsonNode typeObject(String type) {
    return JsonNodeFactory.instance.objectNode().put("type", type);
  }

  /** The start of the bucket holding {@code t} (epoch millis). */
  long bucketStart(long t) {
    switch (unit) {
      case NONE:
        return t;
      case ALL:
        return ETERNITY_START;
      case MILLIS:
        return Math.floorDiv(t, amount) * amount;
      case WEEK: {
        long day = Math.floorDiv(t, DAY);
        long weekDays = 7 * amount;
        return (Math.floorDiv(day - MONDAY_EPOCH_DAY, weekDays) * weekDays + MONDAY_EPOCH_DAY) * DAY;
      }
      default: {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(t, DAY));
        long months = (long) date.getYear() * 12 + date.getMonthValue() - 1;
        long start = Math.floorDiv(months, amount) * amount;
        return monthsToMillis(start);
      }
    }
  }

  /** The end of the bucket starting at {@code start}. */
  long bucketEnd(long start) {
    return switch (unit) {
      case NONE -> start + 1;
      case ALL -> ETERNITY_END;
      case MILLIS -> start + amount;
      case WEEK -> start + 7 * amount * DAY;
      default -> {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(start, DAY));
        long months = (long) date.getYear() * 12 + date.getMonthValue() - 1;
        yield monthsToMillis(months + amount);
      }
    };
  }

  Interval bucket(long t) {
    long start = bucketStart(t);
    return new Interval(Instant.ofEpochMilli(start), Instant.ofEpochMilli(bucketEnd(start)));
  }

  private static long monthsToMillis(long months) {
    int year = (int) Math.floorDiv(months, 12);
    int month = (int) Math.floorMod(months, 12) + 1;
    return LocalDate.of(year, month, 1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
  }
}
