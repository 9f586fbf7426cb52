package dev.druidtasks.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GranularityTest {
  private static long t(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  private static String bucket(String name, String iso) {
    return Granularity.byName(name, "g").bucket(t(iso)).toString();
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
    assertThat(Granularity.byName("all", "g").bucket(t(at))).isEqualTo(dev.druidtasks.server.task.Interval.ETERNITY);
  }

  @Test
  void beforeTheEpochAndOnWeekBoundaries() {
    assertThat(bucket("day", "1969-12-31T12:00:00Z")).isEqualTo("1969-12-31T00:00:00.000Z/1970-01-01T00:00:00.000Z");
    assertThat(bucket("week", "1970-01-01T00:00:00Z")).isEqualTo("1969-12-29T00:00:00.000Z/1970-01-05T00:00:00.000Z");
    assertThat(bucket("week", "2024-05-13T00:00:00Z")).isEqualTo("2024-05-13T00:00:00.000Z/2024-05-20T00:00:00.000Z");
    assertThat(bucket("month", "1969-12-31T23:59:59Z")).isEqualTo("1969-12-01T00:00:00.000Z/1970-01-01T00:00:00.000Z");
  }

  @Test
  void objectsAndPeriods() {
    var json = JsonNodeFactory.instance;
    assertThat(Granularity.parse(json.objectNode().put("type", "none"), "g").unit()).isEqualTo(Granularity.Unit.NONE);
    assertThat(Granularity.parse(json.objectNode().put("type", "hour"), "g").json().asText()).isEqualTo("HOUR");
    Granularity sixHours = Granularity.parse(json.objectNode().put("type", "period").put("period", "PT6H"), "g");
    assertThat(sixHours.bucket(t("2024-05-15T13:47:31Z")).toString())
        .isEqualTo("2024-05-15T12:00:00.000Z/2024-05-15T18:00:00.000Z");
    Granularity twoMonths = Granularity.parse(json.objectNode().put("type", "period").put("period", "P2M"), "g");
    assertThat(twoMonths.bucket(t("2024-04-15T00:00:00Z")).toString())
        .isEqualTo("2024-03-01T00:00:00.000Z/2024-05-01T00:00:00.000Z");
    assertThat(Granularity.parse(json.textNode("none"), "g").json().toString()).isEqualTo("{\"type\":\"none\"}");
    assertThatThrownBy(() -> Granularity.parse(json.objectNode().put("type", "period").put("period", "P1DT1H"), "x.y"))
        .hasMessageContaining("x.y.period");
    assertThatThrownBy(() -> Granularity.parse(
        json.objectNode().put("type", "period").put("period", "P1D").put("timeZone", "America/New_York"), "g"))
        .hasMessageContaining("only UTC");
  }
}
