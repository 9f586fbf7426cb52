package dev.druidtasks.server.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.joda.time.format.ISODateTimeFormat;

/**
 * The byte-level fast paths of {@link TimestampFormat} agree with Joda-Time (Druid's parser) and
 * java.time over generated timestamps, for each format.
 */
class TimestampFormatPropertiesTest {
  /** 1000-01-01 to 9999-12-31 (less a day, for offsets): the years ISO text writes with four digits. */
  private static final long MIN = -30610224000000L + 86_400_000L;
  private static final long MAX = 253402300799999L - 86_400_000L;

  /** One ISO-8601 rendering of an instant, as rows write them. */
  record IsoText(long millis, String text, long expected) {}

  @Provide
  Arbitrary<IsoText> isoTexts() {
    Arbitrary<Long> millis = Arbitraries.longs().between(MIN, MAX);
    Arbitrary<Integer> precision = Arbitraries.integers().between(0, 5);
    Arbitrary<String> separator = Arbitraries.of("T", " ");
    Arbitrary<Integer> offsetMinutes = Arbitraries.integers().between(-18 * 60, 18 * 60);
    Arbitrary<String> offsetStyle = Arbitraries.of("Z", "", "+HH:mm", "+HHmm", "+HH");
    return Combinators.combine(millis, precision, separator, offsetMinutes, offsetStyle)
        .as(TimestampFormatPropertiesTest::render);
  }

  /** Writes {@code millis} at an offset, cut to a precision: 0 date … 3 seconds, 4 millis, 5 nanos. */
  private static IsoText render(long millis, int precision, String separator, int offsetMinutes, String style) {
    int offset = switch (style) {
      case "Z", "" -> 0;
      case "+HH" -> offsetMinutes / 60 * 60;
      default -> offsetMinutes;
    };
    ZoneOffset zone = ZoneOffset.ofTotalSeconds(offset * 60);
    String pattern = switch (precision) {
      case 0 -> "uuuu-MM-dd";
      case 1 -> "uuuu-MM-dd'" + separator + "'HH";
      case 2 -> "uuuu-MM-dd'" + separator + "'HH:mm";
      case 3 -> "uuuu-MM-dd'" + separator + "'HH:mm:ss";
      case 4 -> "uuuu-MM-dd'" + separator + "'HH:mm:ss.SSS";
      default -> "uuuu-MM-dd'" + separator + "'HH:mm:ss.SSSSSSSSS";
    };
    String zoneText = precision == 0 ? "" : switch (style) {
      case "Z" -> "Z";
      case "" -> "";
      case "+HH" -> DateTimeFormatter.ofPattern("xx").format(zone).substring(0, 3);
      case "+HHmm" -> DateTimeFormatter.ofPattern("xx").format(zone);
      default -> DateTimeFormatter.ofPattern("xxx").format(zone);
    };
    if (zoneText.isEmpty() || precision == 0) {
      zone = ZoneOffset.UTC;
    }
    String text = DateTimeFormatter.ofPattern(pattern, Locale.ROOT).format(Instant.ofEpochMilli(millis).atOffset(zone))
        + zoneText;
    // what java.time reads back: the local fields written, at the offset written
    long expected = java.time.LocalDateTime.parse(text.substring(0, text.length() - zoneText.length())
        .replace(' ', 'T') + (precision == 0 ? "T00:00" : precision == 1 ? ":00" : ""))
        .toInstant(zone).toEpochMilli();
    return new IsoText(millis, text, expected);
  }

  private static long utf8(String format, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return TimestampFormat.of(format).parseUtf8(b, 0, b.length);
  }

  private static long number(String format, String literal) {
    byte[] b = literal.getBytes(StandardCharsets.US_ASCII);
    return TimestampFormat.of(format).parseNumberLiteral(b, 0, b.length);
  }

  @Property(tries = 2000)
  void isoFastPathAgreesWithJodaAndJavaTime(@ForAll("isoTexts") IsoText t) {
    byte[] b = t.text().getBytes(StandardCharsets.US_ASCII);
    long fast = TimestampFormat.fastIso(b, 0, b.length);
    long joda = ISODateTimeFormat.dateTimeParser().withZoneUTC().parseMillis(t.text().replace(' ', 'T'));

    assertThat(fast).as(t.text()).isEqualTo(joda).isEqualTo(t.expected());
    assertThat(utf8("iso", t.text())).as(t.text()).isEqualTo(joda);
    assertThat(utf8("auto", t.text())).as(t.text()).isEqualTo(joda);
    assertThat(TimestampFormat.of("auto").parseText(t.text())).as(t.text()).isEqualTo(joda);
  }

  @Property(tries = 500)
  void autoReadsDigitsAsMillis(@ForAll @LongRange(min = 0, max = MAX) long millis) {
    assertThat(utf8("auto", Long.toString(millis))).isEqualTo(millis);
    assertThat(number("auto", Long.toString(millis))).isEqualTo(millis);
    assertThat(number("millis", Long.toString(millis))).isEqualTo(Instant.ofEpochMilli(millis).toEpochMilli());
  }

  @Property(tries = 500)
  void numericFormatsScaleAsDruid(@ForAll @LongRange(min = MIN / 1000, max = MAX / 1000) long seconds,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
    Instant t = Instant.ofEpochSecond(seconds, nanos);
    long micros = seconds * 1_000_000 + nanos / 1000;
    long nanosTotal = seconds * 1_000_000_000L + nanos;

    assertThat(number("posix", Long.toString(seconds))).isEqualTo(Instant.ofEpochSecond(seconds).toEpochMilli());
    assertThat(number("ruby", Long.toString(seconds))).isEqualTo(Instant.ofEpochSecond(seconds).toEpochMilli());
    // Druid converts with TimeUnit, which truncates toward zero
    assertThat(number("micro", Long.toString(micros))).isEqualTo(TimeUnit.MICROSECONDS.toMillis(micros));
    if (Math.abs(seconds) < 9_000_000_000L) {
      assertThat(number("nano", Long.toString(nanosTotal))).isEqualTo(TimeUnit.NANOSECONDS.toMillis(nanosTotal));
    }
    if (seconds >= 0) {
      assertThat(number("micro", Long.toString(micros))).isEqualTo(t.toEpochMilli());
    }
    // a fraction is cut, as Druid's Number.longValue() does (one digit: the double stays below the next second)
    assertThat(number("posix", seconds + "." + nanos / 100_000_000)).isEqualTo(TimeUnit.SECONDS.toMillis(seconds));
  }

  @Property(tries = 500)
  void jodaPatternsReadWhatJavaTimeWrites(@ForAll @LongRange(min = MIN, max = MAX) long millis,
      @ForAll("patterns") String pattern) {
    Instant t = Instant.ofEpochMilli(millis);
    String text = DateTimeFormatter.ofPattern(pattern.replace('y', 'u'), Locale.ENGLISH).format(t.atOffset(ZoneOffset.UTC));
    long expected = DateTimeFormatter.ofPattern(pattern.replace('y', 'u'), Locale.ENGLISH).withZone(ZoneOffset.UTC)
        .parse(text, java.time.LocalDateTime::from).toInstant(ZoneOffset.UTC).toEpochMilli();

    assertThat(TimestampFormat.of(pattern).parseText(text)).as(pattern + " " + text).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.of("yyyy-MM-dd HH:mm:ss.SSS", "dd/MM/yyyy HH:mm:ss", "yyyyMMdd'T'HHmmss", "MMM dd yyyy hh:mm:ss a",
        "yyyy-MM-dd'T'HH:mm:ss.SSSZ", "EEE, dd MMM yyyy HH:mm:ss");
  }
}
