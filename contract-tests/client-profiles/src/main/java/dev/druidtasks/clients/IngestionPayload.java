package dev.druidtasks.clients;

import java.util.List;
import java.util.Map;
import org.joda.time.Interval;

/** An {@code index_parallel} payload as a caller that builds JSON by hand submits it: plain maps. */
final class IngestionPayload {
  private IngestionPayload() {}

  /** Three inline rows in one day, one day segment. */
  static Map<String, Object> inlineDay(String id, String dataSource, Interval day) {
    Map<String, Object> payload = new java.util.LinkedHashMap<>(inlineDayWithoutId(dataSource, day));
    payload.put("id", id);
    return payload;
  }

  /** The same without an id: the server makes one. */
  static Map<String, Object> inlineDayWithoutId(String dataSource, Interval day) {
    String rows = String.join("\n",
        "{\"ts\":\"" + day.getStart() + "\",\"page\":\"a\",\"added\":1}",
        "{\"ts\":\"" + day.getStart().plusHours(1) + "\",\"page\":\"b\",\"added\":2}",
        "{\"ts\":\"" + day.getStart().plusHours(2) + "\",\"page\":\"a\",\"added\":3}");
    return inline(dataSource, day, rows, Map.of());
  }

  /** JSON rows given inline for one day segment, with these tuningConfig settings besides its type. */
  static Map<String, Object> inline(String dataSource, Interval day, String rows, Map<String, Object> tuning) {
    Map<String, Object> tuningConfig = new java.util.LinkedHashMap<>(tuning);
    tuningConfig.put("type", "index_parallel");
    return Map.of(
        "type", "index_parallel",
        "spec", Map.of(
            "dataSchema", Map.of(
                "dataSource", dataSource,
                "timestampSpec", Map.of("column", "ts", "format", "iso"),
                "dimensionsSpec", Map.of("dimensions", List.of("page")),
                "metricsSpec", List.of(Map.of("type", "longSum", "name", "added", "fieldName", "added")),
                "granularitySpec", Map.of("segmentGranularity", "day", "queryGranularity", "none",
                    "rollup", false, "intervals", List.of(day.toString()))),
            "ioConfig", Map.of(
                "type", "index_parallel",
                "inputSource", Map.of("type", "inline", "data", rows),
                "inputFormat", Map.of("type", "json")),
            "tuningConfig", tuningConfig));
  }
}
