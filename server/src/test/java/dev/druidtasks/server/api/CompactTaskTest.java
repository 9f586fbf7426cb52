package dev.druidtasks.server.api;

import static dev.druidtasks.server.TestServer.API;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.TestServer;
import dev.druidtasks.server.ingest.CompactTaskType;
import dev.druidtasks.server.task.TaskTypeRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code compact} tasks on the real server: what they rewrite, what they overshadow, what they store. */
class CompactTaskTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String INTERVAL = "\"ioConfig\":{\"type\":\"compact\",\"inputSpec\":{\"type\":\"interval\","
      + "\"interval\":\"2024-01-01/2024-01-02\"}}";
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.shared();
  }

  /** Four rows in hours 1, 2 and 3 of 2024-01-01 (two in hour 1): three hour segments. */
  private static List<JsonNode> ingestHours(String ds) {
    String rows = row("01:10", "a", 1, 0.5) + row("01:20", "a", 2, 1.5) + row("02:10", "b", 3, 2) + row("03:10", "a", 4, 1);
    String id = server.submit("{\"type\":\"index_parallel\",\"spec\":{\"dataSchema\":{\"dataSource\":\"" + ds + "\","
        + "\"timestampSpec\":{\"column\":\"ts\",\"format\":\"iso\"},\"dimensionsSpec\":{\"dimensions\":[\"page\"]},"
        + "\"metricsSpec\":[{\"type\":\"count\",\"name\":\"count\"},{\"type\":\"longSum\",\"name\":\"added\","
        + "\"fieldName\":\"added\"},{\"type\":\"doubleSum\",\"name\":\"delta\",\"fieldName\":\"delta\"}],"
        + "\"granularitySpec\":{\"segmentGranularity\":\"HOUR\",\"intervals\":[\"2024-01-01/2024-01-02\"]}},"
        + "\"ioConfig\":{\"type\":\"index_parallel\",\"inputSource\":{\"type\":\"inline\",\"data\":\"" + rows + "\"},"
        + "\"inputFormat\":{\"type\":\"json\"}},\"tuningConfig\":{\"type\":\"index_parallel\"}}}");
    assertThat(server.awaitComplete(id).get("statusCode").asText()).isEqualTo("SUCCESS");
    List<JsonNode> segments = segmentsOf(id);
    assertThat(segments).hasSize(3);
    return segments;
  }

  private static String row(String time, String page, int added, double delta) {
    return "{\\\"ts\\\":\\\"2024-01-01T" + time + ":00Z\\\",\\\"page\\\":\\\"" + page + "\\\",\\\"added\\\":" + added
        + ",\\\"delta\\\":" + delta + "}\\n";
  }

  private static List<JsonNode> segmentsOf(String taskId) {
    List<JsonNode> segments = new ArrayList<>();
    server.json(server.get(API + "/task/" + taskId + "/segments")).forEach(segments::add);
    return segments;
  }

  private static List<JsonNode> rows(JsonNode segment) throws IOException {
    Path file = Path.of(segment.at("/loadSpec/path").asText()).resolve("rows.json.gz");
    List<JsonNode> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
        StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        rows.add(JSON.readTree(line));
      }
    }
    return rows;
  }

  private static String compact(String ds, String settings) {
    String id = server.submit("{\"type\":\"compact\",\"dataSource\":\"" + ds + "\"," + INTERVAL + settings + "}");
    JsonNode status = server.awaitComplete(id);
    assertThat(status.get("statusCode").asText()).as(status.toString()).isEqualTo("SUCCESS");
    return id;
  }

  @Test
  void hourSegmentsBecomeOneDaySegmentThatOvershadowsThem() throws IOException {
    String ds = "compact-day-" + RUN;
    List<JsonNode> hours = ingestHours(ds);

    String id = compact(ds, ",\"granularitySpec\":{\"segmentGranularity\":\"DAY\"}");

    List<JsonNode> day = segmentsOf(id);
    assertThat(day).hasSize(1);
    JsonNode segment = day.get(0);
    assertThat(segment.get("interval").asText()).isEqualTo("2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z");
    assertThat(segment.get("version").asText()).isGreaterThan(hours.get(0).get("version").asText());
    assertThat(segment.get("dimensions").asText()).isEqualTo("page");
    assertThat(segment.get("metrics").asText()).isEqualTo("added,count,delta");
    List<JsonNode> rows = rows(segment);
    assertThat(rows).hasSize(4);
    assertThat(rows.stream().mapToLong(r -> r.get("added").asLong()).sum()).isEqualTo(10);
    assertThat(rows.stream().mapToLong(r -> r.get("count").asLong()).sum()).isEqualTo(4);
    assertThat(rows.get(0).get("delta").isDouble()).isTrue();
    assertThat(rows.get(0).get("count").isIntegralNumber()).isTrue();
    // the hour segments are overshadowed: nothing comes back as used, one segment is used
    assertThat(server.json(server.post(API + "/datasources/" + ds, null, null)).get("numChangedSegments").asInt())
        .isZero();
    assertThat(server.json(server.delete(API + "/datasources/" + ds)).get("numChangedSegments").asInt()).isEqualTo(1);

    JsonNode reports = server.json(server.get(API + "/task/" + id + "/reports"));
    List<String> keys = new ArrayList<>();
    reports.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("taskContext_0", "ingestionStatsAndErrors_0");
    assertThat(reports.at("/taskContext_0/payload").toString()).isEqualTo("{\"appenderatorTrackingTaskId\":\"" + id
        + "\",\"forceTimeChunkLock\":true,\"lookupLoadingMode\":\"NONE\",\"useLineageBasedSegmentAllocation\":true,"
        + "\"storeCompactionState\":true,\"priority\":25}");
    JsonNode stats = reports.at("/ingestionStatsAndErrors_0/payload");
    assertThat(stats.get("ingestionState").asText()).isEqualTo("COMPLETED");
    assertThat(stats.at("/rowStats/buildSegments/processed").asInt()).isEqualTo(4);
    assertThat(stats.get("segmentsRead").asInt()).isEqualTo(3);
    // Druid counts the bytes of the segments as stored
    assertThat(stats.at("/rowStats/buildSegments/processedBytes").asLong())
        .isEqualTo(hours.stream().mapToLong(s -> s.get("size").asLong()).sum());
    assertThat(stats.get("segmentsPublished").asInt()).isEqualTo(1);
  }

  @Test
  void aCoarserQueryGranularityRollsRowsUpAndSumsTheirMetrics() throws IOException {
    String ds = "compact-rollup-" + RUN;
    ingestHours(ds);

    String id = compact(ds, ",\"granularitySpec\":{\"segmentGranularity\":\"DAY\",\"queryGranularity\":\"DAY\"},"
        + "\"tuningConfig\":{\"type\":\"index_parallel\",\"partitionsSpec\":{\"type\":\"dynamic\",\"maxRowsPerSegment\":1}}");

    List<JsonNode> segments = segmentsOf(id);
    assertThat(segments).hasSize(2);
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode s : segments) {
      rows.addAll(rows(s));
    }
    assertThat(rows).extracting(r -> r.get("page").asText()).containsExactlyInAnyOrder("a", "b");
    JsonNode a = rows.stream().filter(r -> r.get("page").asText().equals("a")).findFirst().orElseThrow();
    assertThat(a.get("__time").asLong()).isEqualTo(1704067200000L);
    assertThat(a.get("count").asLong()).isEqualTo(3);
    assertThat(a.get("added").asLong()).isEqualTo(7);
    assertThat(a.get("delta").asDouble()).isEqualTo(3.0);
  }

  @Test
  void withoutASegmentGranularityTheSegmentsKeepTheirsAndGiveMetricsMayChange() throws IOException {
    String ds = "compact-keep-" + RUN;
    ingestHours(ds);

    String id = compact(ds, ",\"metricsSpec\":[{\"type\":\"longMax\",\"name\":\"added\",\"fieldName\":\"added\"}]");

    List<JsonNode> segments = segmentsOf(id);
    assertThat(segments).extracting(s -> s.get("interval").asText()).containsExactlyInAnyOrder(
        "2024-01-01T01:00:00.000Z/2024-01-01T02:00:00.000Z", "2024-01-01T02:00:00.000Z/2024-01-01T03:00:00.000Z",
        "2024-01-01T03:00:00.000Z/2024-01-01T04:00:00.000Z");
    assertThat(segments).allSatisfy(s -> assertThat(s.get("metrics").asText()).isEqualTo("added"));
    assertThat(rows(segments.get(0)).get(0).has("count")).isFalse();
    // as in Druid, one ingestion per segment extent, each reported as a part of its own
    JsonNode reports = server.json(server.get(API + "/task/" + id + "/reports"));
    for (int part = 0; part < 3; part++) {
      assertThat(reports.at("/taskContext_" + part + "/type").asText()).isEqualTo("taskContext");
      JsonNode stats = reports.at("/ingestionStatsAndErrors_" + part + "/payload");
      assertThat(stats.get("segmentsRead").asInt()).isEqualTo(1);
      assertThat(stats.get("segmentsPublished").asInt()).isEqualTo(1);
    }
    assertThat(reports.at("/ingestionStatsAndErrors_0/payload/rowStats/buildSegments/processed").asInt()).isEqualTo(2);
    assertThat(reports.size()).isEqualTo(6);
  }

  @Test
  void segmentsOfNoStandardGranularityNeedOneGiven() {
    String ds = "compact-period-" + RUN;
    String ingest = server.submit("{\"type\":\"index_parallel\",\"spec\":{\"dataSchema\":{\"dataSource\":\"" + ds
        + "\",\"timestampSpec\":{\"column\":\"ts\",\"format\":\"iso\"},\"granularitySpec\":{\"segmentGranularity\":"
        + "{\"type\":\"period\",\"period\":\"PT2H\"},\"intervals\":[\"2024-01-01/2024-01-02\"]}},\"ioConfig\":"
        + "{\"type\":\"index_parallel\",\"inputSource\":{\"type\":\"inline\",\"data\":\""
        + row("01:10", "a", 1, 1) + "\"},\"inputFormat\":{\"type\":\"json\"}}}}");
    assertThat(server.awaitComplete(ingest).get("statusCode").asText()).isEqualTo("SUCCESS");

    JsonNode status = server.awaitComplete(server.submit("{\"type\":\"compact\",\"dataSource\":\"" + ds + "\","
        + INTERVAL + "}"));

    assertThat(status.get("statusCode").asText()).isEqualTo("FAILED");
    assertThat(status.get("errorMsg").asText()).contains("granularitySpec.segmentGranularity");
    assertThat(compact(ds, ",\"granularitySpec\":{\"segmentGranularity\":\"DAY\"}")).isNotEmpty();
  }

  @Test
  void anIntervalWithoutSegmentsFailsAsDruidsDoes() {
    String id = server.submit("{\"type\":\"compact\",\"dataSource\":\"compact-none-" + RUN + "\","
        + "\"interval\":\"2025-02-01/2025-02-02\"}");
    JsonNode status = server.awaitComplete(id);
    assertThat(status.get("statusCode").asText()).isEqualTo("FAILED");
    assertThat(status.get("errorMsg").asText()).isEqualTo(
        "No segments found for compaction. Please check that datasource name and interval are correct.");
    assertThat(server.get(API + "/task/" + id + "/reports").statusCode()).isEqualTo(404);
  }

  @Test
  void theStoredPayloadIsDruids() {
    String ds = "compact-payload-" + RUN;
    String id = server.submit("{\"type\":\"compact\",\"dataSource\":\"" + ds + "\"," + INTERVAL + ","
        + "\"granularitySpec\":{\"segmentGranularity\":\"DAY\"},\"context\":{\"x\":1}}");
    assertThat(id).matches("compact_" + ds + "_[a-p]{8}_\\d{4}-.*Z");
    JsonNode payload = server.json(server.get(API + "/task/" + id)).get("payload");
    assertThat(payload.toString()).isEqualTo("{\"type\":\"compact\",\"id\":\"" + id + "\",\"resource\":"
        + "{\"availabilityGroup\":\"" + id + "\",\"requiredCapacity\":1},\"dataSource\":\"" + ds + "\",\"ioConfig\":"
        + "{\"type\":\"compact\",\"inputSpec\":{\"type\":\"interval\",\"interval\":"
        + "\"2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z\",\"sha256OfSortedSegmentIds\":null},"
        + "\"dropExisting\":false},\"dimensionsSpec\":null,\"transformSpec\":null,\"metricsSpec\":null,"
        + "\"segmentGranularity\":\"DAY\",\"granularitySpec\":{\"segmentGranularity\":\"DAY\",\"queryGranularity\":null,"
        + "\"rollup\":null},\"projections\":null,\"tuningConfig\":null,\"context\":{\"x\":1,\"lookupLoadingMode\":"
        + "\"NONE\",\"useLineageBasedSegmentAllocation\":true,\"forceTimeChunkLock\":true},\"compactionRunner\":"
        + "{\"type\":\"native\"},\"groupId\":\"" + id + "\"}");
    server.awaitComplete(id);
  }

  @Test
  void aGivenTuningConfigIsStoredAsACompactionOne() {
    String id = server.submit("{\"type\":\"compact\",\"dataSource\":\"compact-tuning-" + RUN + "\"," + INTERVAL + ","
        + "\"tuningConfig\":{\"type\":\"index\",\"partitionsSpec\":{\"type\":\"dynamic\",\"maxRowsPerSegment\":1000}}}");
    JsonNode tuning = server.json(server.get(API + "/task/" + id)).at("/payload/tuningConfig");
    assertThat(tuning.get("type").asText()).isEqualTo("compaction");
    assertThat(tuning.get("maxRowsPerSegment").asInt()).isEqualTo(1000);
    assertThat(tuning.get("partitionsSpec").toString())
        .isEqualTo("{\"type\":\"dynamic\",\"maxRowsPerSegment\":1000,\"maxTotalRows\":null}");
    assertThat(tuning.get("maxNumConcurrentSubTasks").asInt()).isEqualTo(1);
    assertThat(server.json(server.get(API + "/task/" + id)).at("/payload/granularitySpec").isNull()).isTrue();
    server.awaitComplete(id);
  }

  @Test
  void itsLockPriorityIsDruidsMergePriorityUnlessTheContextSetsOne() throws Exception {
    TaskTypeRegistry registry = new TaskTypeRegistry(Clock.systemUTC(), new CompactTaskType());
    String body = "{\"type\":\"compact\",\"dataSource\":\"c\",\"interval\":\"2024-01-01/2024-01-02\"";
    assertThat(registry.read((ObjectNode) JSON.readTree(body + "}")).priority()).isEqualTo(25);
    assertThat(registry.read((ObjectNode) JSON.readTree(body + ",\"context\":{\"priority\":70}}")).priority())
        .isEqualTo(70);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"type\":\"compact\",\"interval\":\"2024-01-01/2024-01-02\"}|dataSource",
      "{\"type\":\"compact\",\"dataSource\":\"c\"}|ioConfig",
      "{\"type\":\"compact\",\"dataSource\":\"c\",\"interval\":\"2024-01-01/2024-01-02\",\"ioConfig\":{\"type\":"
          + "\"compact\",\"inputSpec\":{\"type\":\"interval\",\"interval\":\"2024-01-01/2024-01-02\"}}}|interval",
      "{\"type\":\"compact\",\"dataSource\":\"c\",\"ioConfig\":{\"inputSpec\":{}}}|ioConfig.type",
      "{\"type\":\"compact\",\"dataSource\":\"c\",\"ioConfig\":{\"type\":\"compact\"}}|ioConfig.inputSpec",
      "{\"type\":\"compact\",\"dataSource\":\"c\",\"ioConfig\":{\"type\":\"compact\",\"inputSpec\":{\"type\":"
          + "\"segments\"}}}|ioConfig.inputSpec.type",
      "{\"type\":\"compact\",\"dataSource\":\"c\",\"ioConfig\":{\"type\":\"compact\",\"inputSpec\":{\"type\":"
          + "\"interval\"}}}|ioConfig.inputSpec.interval",
      "{\"type\":\"compact\",\"dataSource\":\"c\",\"interval\":\"2024-01-01/2024-01-01\"}|interval",
      "{\"type\":\"compact\",\"dataSource\":\"c\",\"interval\":\"bogus\"}|interval",
      "{\"type\":\"compact\",\"dataSource\":\"c\",\"interval\":\"2024-01-01/2024-01-02\",\"granularitySpec\":"
          + "{\"segmentGranularity\":\"BOGUS\"}}|granularitySpec.segmentGranularity",
      "{\"type\":\"compact\",\"dataSource\":\"c\",\"interval\":\"2024-01-01/2024-01-02\",\"metricsSpec\":"
          + "[{\"type\":\"longSum\",\"name\":\"a\"}]}|metricsSpec[0].fieldName",
      "{\"type\":\"compact\",\"dataSource\":\"c\",\"interval\":\"2024-01-01/2024-01-02\",\"tuningConfig\":"
          + "{\"maxRowsPerSegment\":5}}|tuningConfig.type",
      "{\"type\":\"compact\",\"dataSource\":\"c\",\"interval\":\"2024-01-01/2024-01-02\",\"tuningConfig\":"
          + "{\"type\":\"compact\"}}|tuningConfig.type",
      "{\"type\":\"compact\",\"dataSource\":\"c\",\"interval\":\"2024-01-01/2024-01-02\",\"compactionRunner\":"
          + "{\"type\":\"msq\"}}|compactionRunner.type",
      "{\"type\":\"compact\",\"dataSource\":\"c\",\"interval\":\"2024-01-01/2024-01-02\",\"segmentGranularity\":\"DAY\","
          + "\"granularitySpec\":{\"segmentGranularity\":\"HOUR\"}}|segmentGranularity"})
  void badCompactionsAreFourHundredsNamingTheField(String body, String field) {
    HttpResponse<String> r = server.post(API + "/task", "application/json", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(server.json(r).get("errorMessage").asText()).contains(field)
        .doesNotContain("java.", "dev.druidtasks", "Granularity[");
  }
}
