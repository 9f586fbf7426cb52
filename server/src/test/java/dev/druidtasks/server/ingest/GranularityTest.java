package dev.druidtasks.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.druidtasks.server.ingest.spec.Granularity;
import dev.druidtasks.server.task.InvalidField;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GranularityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Granularity read(String json) throws Exception {
    return JSON.readValue(json, Granularity.class);
  }

  /** The message of a refused granularity, its fields named under {@code path}. */
  private static String refused(String json, String path) {
    return ((InvalidField) org.assertj.core.api.Assertions.catchThrowable(() -> read(json)).getCause()).at(path);
  }

  private static long t(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  private static String bucket(String name, String iso) {
    return Granularity.byName(name).bucket(t(iso)).toString();
  }

  @Test
  void namedGranularitiesInAnyCase() {
    String at = "2024-05-15T13:47:31.123Z";
    assertThat(bucket("none", at)).isEqualTo("2024-05-15T13:47:31.123Z/2024-05-15T13:47:31.124Z");
    assertThat(bucket("second", at)).isEqualTo("2024-05-15T13:47:31.000Z/2024-05-15T13:47:32.000Z");
    assertThat(bucket("Minute", at)).isEqualTo("2024-05-15T13:47:00.000Z/2024-05-15T13:48:00.000Z");
    assertThat(bucket("fifteen_minute", at)).isEqualTo("2024-05-15T13:45:00.000Z/2024-05-15T14:00:00.000Z");
    assertThat(bucket("THIRTY_MINUTE", at)).isEqualTo("2024-05-15T13:30:00.000Z/2024-05-15T14:00:00.000Z");
    assertThat(bucket("hour", at)).isEqualTo("2024-05-15T13:00:00.000Z/2024-05-15T14:00:00.000Z");
    assertThat(bucket("day", at)).isEqualTo("2024-05-15T00:00:00.000Z/2024-05-16T00:00:00.000Z");
    assertThat(bucket("week", at)).isEqualTo("2024-05-13T00:00:00.000Z/2024-05-20T00:00:00.000Z");
    assertThat(bucket("month", at)).isEqualTo("2024-05-01T00:00:00.000Z/2024-06-01T00:00:00.000Z");
    assertThat(bucket("quarter", at)).isEqualTo("2024-04-01T00:00:00.000Z/2024-07-01T00:00:00.000Z");
    assertThat(bucket("year", at)).isEqualTo("2024-01-01T00:00:00.000Z/2025-01-01T00:00:00.000Z");
    assertThat(Granularity.byName("all").bucket(t(at))).isEqualTo(dev.druidtasks.server.task.Interval.ETERNITY);
  }

  @Test
  void beforeTheEpochAndOnWeekBoundaries() {
    assertThat(bucket("day", "1969-12-31T12:00:00Z")).isEqualTo("1969-12-31T00:00:00.000Z/1970-01-01T00:00:00.000Z");
    assertThat(bucket("week", "1970-01-01T00:00:00Z")).isEqualTo("1969-12-29T00:00:00.000Z/1970-01-05T00:00:00.000Z");
    assertThat(bucket("week", "2024-05-13T00:00:00Z")).isEqualTo("2024-05-13T00:00:00.000Z/2024-05-20T00:00:00.000Z");
    assertThat(bucket("month", "1969-12-31T23:59:59Z")).isEqualTo("1969-12-01T00:00:00.000Z/1970-01-01T00:00:00.000Z");
  }

  @Test
  void objectsAndPeriods() throws Exception {
    assertThat(read("{\"type\":\"none\"}").unit()).isEqualTo(Granularity.Unit.NONE);
    assertThat(JSON.writeValueAsString(read("{\"type\":\"hour\"}"))).isEqualTo("\"HOUR\"");
    Granularity sixHours = read("{\"type\":\"period\",\"period\":\"PT6H\"}");
    assertThat(sixHours.bucket(t("2024-05-15T13:47:31Z")).toString())
        .isEqualTo("2024-05-15T12:00:00.000Z/2024-05-15T18:00:00.000Z");
    Granularity twoMonths = read("{\"type\":\"period\",\"period\":\"P2M\"}");
    assertThat(twoMonths.bucket(t("2024-04-15T00:00:00Z")).toString())
        .isEqualTo("2024-03-01T00:00:00.000Z/2024-05-01T00:00:00.000Z");
    assertThat(JSON.writeValueAsString(read("\"none\""))).isEqualTo("{\"type\":\"none\"}");
    assertThat(refused("{\"type\":\"period\",\"period\":\"P1DT1H\"}", "x.y")).contains("x.y.period");
    assertThat(refused("{\"type\":\"period\",\"period\":\"P1D\",\"timeZone\":\"America/New_York\"}", "g"))
        .contains("only UTC");
  }
}
