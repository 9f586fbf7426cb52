package dev.druidtasks.server.ingest;

import dev.druidtasks.server.task.InvalidTaskException;
import dev.druidtasks.server.task.Interval;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** Reads a row's timestamp in one of Druid's timestampSpec formats. */
abstract class TimestampParser {
  abstract Instant parse(String value);

  static TimestampParser of(String format) throws InvalidTaskException {
    switch (format.toLowerCase(Locale.ROOT)) {
      case "iso":
        return fn(Interval::parseInstant);
      case "auto":
        return fn(v -> v.matches("-?\\d+") ? Instant.ofEpochMilli(Long.parseLong(v)) : Interval.parseInstant(v));
      case "millis":
        return fn(v -> Instant.ofEpochMilli(Long.parseLong(v)));
      case "posix":
        return fn(v -> Instant.ofEpochSecond(Long.parseLong(v)));
      case "micro":
        return fn(v -> {
          long micros = Long.parseLong(v);
          return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L);
        });
      case "nano":
        return fn(v -> {
          long nanos = Long.parseLong(v);
          return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000), Math.floorMod(nanos, 1_000_000_000));
        });
      default:
        try {
          DateTimeFormatter f = DateTimeFormatter.ofPattern(format.replace("Z", "XX"), Locale.ROOT)
              .withZone(ZoneOffset.UTC);
          return fn(v -> {
            TemporalAccessor t = f.parse(v);
            try {
              return ZonedDateTime.from(t).toInstant();
            } catch (RuntimeException noTime) {
              try {
                return LocalDateTime.from(t).toInstant(ZoneOffset.UTC);
              } catch (RuntimeException noDateTime) {
                return java.time.LocalDate.from(t).atStartOfDay().toInstant(ZoneOffset.UTC);
              }
            }
          });
        } catch (IllegalArgumentException e) {
          throw new InvalidTaskException("Invalid timestampSpec format [" + format + "]: " + e.getMessage());
        }
    }
  }

  private static TimestampParser fn(java.util.function.Function<String, Instant> f) {
    return new TimestampParser() {
      @Override
      Instant parse(String value) {
        try {
          return f.apply(value.trim());
        } catch (DateTimeParseException | NumberFormatException e) {
          throw new IllegalArgumentException("Unparseable timestamp [" + value + "]");
        }
      }
    };
  }
}
