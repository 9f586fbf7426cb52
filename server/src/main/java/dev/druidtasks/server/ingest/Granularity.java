package dev.druidtasks.server.ingest;

import dev.druidtasks.server.task.Interval;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** Druid's simple granularities: how time is cut into segment chunks or truncated for rollup. */
enum Granularity {
  NONE, SECOND, MINUTE, FIFTEEN_MINUTE, THIRTY_MINUTE, HOUR, SIX_HOUR, DAY, WEEK, MONTH, QUARTER, YEAR, ALL;

  static Granularity parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown granularity [" + text + "]; expected one of none, second, minute,"
          + " fifteen_minute, thirty_minute, hour, six_hour, day, week, month, quarter, year, all");
    }
  }

  /** The start of the bucket holding {@code t}. */
  Instant truncate(Instant t) {
    ZonedDateTime z = t.atZone(ZoneOffset.UTC);
    return switch (this) {
      case NONE -> t;
      case SECOND -> t.truncatedTo(ChronoUnit.SECONDS);
      case MINUTE -> t.truncatedTo(ChronoUnit.MINUTES);
      case FIFTEEN_MINUTE -> z.truncatedTo(ChronoUnit.MINUTES).withMinute(z.getMinute() / 15 * 15).toInstant();
      case THIRTY_MINUTE -> z.truncatedTo(ChronoUnit.MINUTES).withMinute(z.getMinute() / 30 * 30).toInstant();
      case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
      case SIX_HOUR -> z.truncatedTo(ChronoUnit.HOURS).withHour(z.getHour() / 6 * 6).toInstant();
      case DAY -> t.truncatedTo(ChronoUnit.DAYS);
      case WEEK -> z.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
      case MONTH -> z.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).toInstant();
      case QUARTER -> z.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)
          .withMonth((z.getMonthValue() - 1) / 3 * 3 + 1).toInstant();
      case YEAR -> z.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1).toInstant();
      case ALL -> Interval.ETERNITY.start();
    };
  }

  /** The bucket holding {@code t}. */
  Interval bucket(Instant t) {
    if (this == ALL) {
      return Interval.ETERNITY;
    }
    Instant start = truncate(t);
    ZonedDateTime z = start.atZone(ZoneOffset.UTC);
    Instant end = switch (this) {
      case NONE -> start.plusMillis(1);
      case SECOND -> start.plusSeconds(1);
      case MINUTE -> start.plusSeconds(60);
      case FIFTEEN_MINUTE -> start.plusSeconds(900);
      case THIRTY_MINUTE -> start.plusSeconds(1800);
      case HOUR -> start.plusSeconds(3600);
      case SIX_HOUR -> start.plusSeconds(6 * 3600);
      case DAY -> z.plusDays(1).toInstant();
      case WEEK -> z.plusWeeks(1).toInstant();
      case MONTH -> z.plusMonths(1).toInstant();
      case QUARTER -> z.plusMonths(3).toInstant();
      case YEAR -> z.plusYears(1).toInstant();
      case ALL -> Interval.ETERNITY.end();
    };
    return new Interval(start, end);
  }
}
