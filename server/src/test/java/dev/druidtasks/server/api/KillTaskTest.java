package dev.druidtasks.server.api;

import static dev.druidtasks.server.TestServer.API;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.druidtasks.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code kill} tasks on the real server: what they delete, what they leave, what they store. */
class KillTaskTest {
  private static TestServer server;
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void start() {
    server = TestServer.shared();
  }

  /** One row a day for {@code days} days from 2024-01-01: one day segment each. */
  private static List<JsonNode> ingestDays(String ds, int days) {
    StringBuilder rows = new StringBuilder();
    for (int d = 1; d <= days; d++) {
      rows.append("{\\\"ts\\\":\\\"2024-01-0").append(d).append("T01:00:00Z\\\",\\\"p\\\":\\\"a\\\"}\\n");
    }
    String id = server.submit("{\"type\":\"index_parallel\",\"spec\":{\"dataSchema\":{\"dataSource\":\"" + ds + "\","
        + "\"timestampSpec\":{\"column\":\"ts\",\"format\":\"iso\"},\"dimensionsSpec\":{\"dimensions\":[\"p\"]},"
        + "\"granularitySpec\":{\"segmentGranularity\":\"day\",\"intervals\":[\"2024-01-01/2024-01-0" + (days + 1)
        + "\"]}},\"ioConfig\":{\"type\":\"index_parallel\",\"inputSource\":{\"type\":\"inline\",\"data\":\"" + rows
        + "\"},\"inputFormat\":{\"type\":\"json\"}},\"tuningConfig\":{\"type\":\"index_parallel\"}}}");
    assertThat(server.awaitComplete(id).get("statusCode").asText()).isEqualTo("SUCCESS");
    List<JsonNode> segments = new ArrayList<>();
    server.json(server.get(API + "/task/" + id + "/segments")).forEach(segments::add);
    assertThat(segments).hasSize(days);
    return segments;
  }

  private static Path files(JsonNode segment) {
    return Path.of(segment.at("/loadSpec/path").asText());
  }

  private static void markUnused(String ds, JsonNode segment) {
    assertThat(server.delete(API + "/datasources/" + ds + "/segments/" + segment.get("identifier").asText())
        .statusCode()).isEqualTo(200);
  }

  private static JsonNode kill(String body) {
    String id = server.submit(body);
    JsonNode status = server.awaitComplete(id);
    assertThat(status.get("statusCode").asText()).as(status.toString()).isEqualTo("SUCCESS");
    return server.json(server.get(API + "/task/" + id + "/reports")).at("/killUnusedSegments/payload");
  }

  @Test
  void onlyUnusedSegmentsGoMetadataAndFiles() {
    String ds = "kill-" + RUN;
    List<JsonNode> segments = ingestDays(ds, 2);
    markUnused(ds, segments.get(0));

    JsonNode report = kill("{\"type\":\"kill\",\"dataSource\":\"" + ds + "\",\"interval\":\"2024-01-01/2024-01-03\"}");

    assertThat(report.get("numSegmentsKilled").asInt()).isEqualTo(1);
    assertThat(report.get("numBatchesProcessed").asInt()).isEqualTo(1);
    assertThat(Files.exists(files(segments.get(0)))).isFalse();
    assertThat(Files.exists(files(segments.get(1)))).isTrue();
    // the killed segment cannot come back; the used one is still used
    HttpResponse<String> markUsed = server.post(API + "/datasources/" + ds, null, null);
    assertThat(server.json(markUsed).get("numChangedSegments").asInt()).isZero();
    assertThat(server.json(server.delete(API + "/datasources/" + ds)).get("numChangedSegments").asInt()).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'\"limit\":2'|2",
      "'\"batchSize\":1'|3",
      "'\"versions\":[\"no-such-version\"]'|0",
      "'\"maxUsedStatusLastUpdatedTime\":\"2000-01-01T00:00:00Z\"'|0",
      "'\"interval\":\"2024-01-02/2024-01-03\"'|1"})
  void limitsBatchesVersionsAndTimesBoundWhatGoes(String settings, int killed) {
    String ds = "kill-bounds-" + killed + "-" + Math.abs(settings.hashCode()) + "-" + RUN;
    List<JsonNode> segments = ingestDays(ds, 3);
    server.delete(API + "/datasources/" + ds);
    String body = "{\"type\":\"kill\",\"dataSource\":\"" + ds + "\","
        + (settings.contains("interval") ? "" : "\"interval\":\"2024-01-01/2024-01-04\",") + settings + "}";

    JsonNode report = kill(body);

    assertThat(report.get("numSegmentsKilled").asInt()).isEqualTo(killed);
    assertThat(segments.stream().filter(s -> !Files.exists(files(s))).count()).isEqualTo(killed);
    if (settings.contains("batchSize")) {
      assertThat(report.get("numBatchesProcessed").asInt()).isEqualTo(3);
    }
  }

  @Test
  void theStoredPayloadIsDruids() {
    String ds = "kill-payload-" + RUN;
    String id = server.submit("{\"type\":\"kill\",\"dataSource\":\"" + ds + "\",\"interval\":\"2024-01-01/2024-01-02\","
        + "\"context\":{\"x\":1}}");
    assertThat(id).matches("kill_" + ds + "_[a-p]{8}_2024-01-01T00:00:00.000Z_2024-01-02T00:00:00.000Z_\\d{4}-.*Z");
    JsonNode payload = server.json(server.get(API + "/task/" + id)).get("payload");
    List<String> keys = new ArrayList<>();
    payload.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("type", "id", "dataSource", "interval", "versions", "context", "batchSize",
        "limit", "maxUsedStatusLastUpdatedTime", "groupId", "resource");
    assertThat(payload.get("interval").asText()).isEqualTo("2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z");
    assertThat(payload.get("batchSize").asInt()).isEqualTo(100);
    assertThat(payload.get("versions").isNull()).isTrue();
    assertThat(payload.get("context").toString())
        .isEqualTo("{\"x\":1,\"forceTimeChunkLock\":true,\"useLineageBasedSegmentAllocation\":true}");
    assertThat(payload.at("/resource/availabilityGroup").asText()).isEqualTo(id);
    server.awaitComplete(id);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"type\":\"kill\",\"dataSource\":\"k\"}|interval",
      "{\"type\":\"kill\",\"interval\":\"2024-01-01/2024-01-02\"}|dataSource",
      "{\"type\":\"kill\",\"dataSource\":\"k\",\"interval\":\"yesterday\"}|interval",
      "{\"type\":\"kill\",\"dataSource\":\"k\",\"interval\":\"2024-01-01/2024-01-02\",\"batchSize\":0}|batchSize",
      "{\"type\":\"kill\",\"dataSource\":\"k\",\"interval\":\"2024-01-01/2024-01-02\",\"limit\":-1}|limit",
      "{\"type\":\"kill\",\"dataSource\":\"k\",\"interval\":\"2024-01-01/2024-01-02\","
          + "\"maxUsedStatusLastUpdatedTime\":\"soon\"}|maxUsedStatusLastUpdatedTime"})
  void badKillsAreFourHundredsNamingTheField(String body, String field) {
    HttpResponse<String> r = server.post(API + "/task", "application/json", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(server.json(r).get("errorMessage").asText()).contains(field).doesNotContain("java.", "dev.druidtasks");
  }
}
