package dev.druidtasks.server.api;

import static dev.druidtasks.server.TestServer.API;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.druidtasks.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ingestion through the API on the real server: real rows, real counts, real segments. */
class IngestionApiTest {
  private static TestServer server;
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void start() {
    server = TestServer.shared();
  }

  private static String inline(String ds, String format, String data, String intervals, String tuning) {
    return "{\"type\":\"index_parallel\",\"spec\":{\"dataSchema\":{\"dataSource\":\"" + ds + "\","
        + "\"timestampSpec\":{\"column\":\"ts\",\"format\":\"auto\"},\"dimensionsSpec\":{\"dimensions\":[]},"
        + "\"granularitySpec\":{\"segmentGranularity\":\"hour\",\"rollup\":false" + intervals + "}},"
        + "\"ioConfig\":{\"type\":\"index_parallel\",\"inputSource\":{\"type\":\"inline\",\"data\":"
        + quote(data) + "},\"inputFormat\":" + format + "},\"tuningConfig\":{\"type\":\"index_parallel\"" + tuning
        + "}}}";
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"";
  }

  private JsonNode buildSegments(String id) {
    return server.json(server.get(API + "/task/" + id + "/reports")).at("/ingestionStatsAndErrors/payload");
  }

  @Test
  void csvRowsAreCountedBucketedAndCut() {
    String ds = "csv-" + RUN;
    String data = "ts,city,n\n2015-09-12T01:00:00Z,Paris,1\n2015-09-12T01:30:00Z,\"Rome, IT\",2\n"
        + "2015-09-12T02:10:00Z,Oslo,3\n2015-09-14T00:00:00Z,Late,4\nnot-a-time,Bad,5\n";
    String id = server.submit(inline(ds, "{\"type\":\"csv\",\"findColumnsFromHeader\":true}", data,
        ",\"intervals\":[\"2015-09-12/2015-09-13\"]", ",\"maxRowsPerSegment\":1,\"maxSavedParseExceptions\":5"));
    JsonNode s = server.awaitComplete(id);
    assertThat(s.get("statusCode").asText()).as(s.toString()).isEqualTo("SUCCESS");
    JsonNode p = buildSegments(id);
    assertThat(p.at("/rowStats/buildSegments/processed").asLong()).isEqualTo(3);
    assertThat(p.at("/rowStats/buildSegments/thrownAway").asLong()).isEqualTo(1);
    assertThat(p.at("/rowStats/buildSegments/unparseable").asLong()).isEqualTo(1);
    assertThat(p.at("/rowStats/buildSegments/processedBytes").asLong()).isEqualTo(data.length());
    assertThat(p.at("/unparseableEvents/buildSegments/0/input").asText()).isEqualTo("not-a-time,Bad,5");
    JsonNode segments = server.json(server.get(API + "/task/" + id + "/segments"));
    // hour 01 holds two rows cut at one row a segment; hour 02 holds one
    assertThat(segments).hasSize(3);
    assertThat(segments.findValuesAsText("interval")).containsOnly(
        "2015-09-12T01:00:00.000Z/2015-09-12T02:00:00.000Z", "2015-09-12T02:00:00.000Z/2015-09-12T03:00:00.000Z");
    assertThat(segments.findValues("numRows")).allMatch(n -> n.asLong() == 1);
    assertThat(Files.exists(Path.of(segments.get(0).at("/loadSpec/path").asText(), "rows.json.gz"))).isTrue();
    assertThat(server.get(API + "/task/" + id + "/log").body()).contains("Wrote segment ").contains("3 segment(s)");
  }

  @Test
  void jsonAndTsvWithTimestampFormats() {
    String json = "{\"ts\":1442016000000,\"page\":\"A\"}\n{\"ts\":1442019600000,\"page\":[\"B\",\"C\"]}\n";
    String a = server.submit(inline("json-" + RUN, "{\"type\":\"json\"}", json, "", ""));
    String tsv = "1442016000\tx\n1442019600\ty\n";
    String b = server.submit(inline("tsv-" + RUN, "{\"type\":\"tsv\",\"columns\":[\"ts\",\"v\"]}", tsv, "", "")
        .replace("\"format\":\"auto\"", "\"format\":\"posix\""));
    for (String id : new String[] {a, b}) {
      assertThat(server.awaitComplete(id).get("statusCode").asText()).isEqualTo("SUCCESS");
      assertThat(buildSegments(id).at("/rowStats/buildSegments/processed").asLong()).isEqualTo(2);
      assertThat(server.json(server.get(API + "/task/" + id + "/segments"))).hasSize(2);
    }
  }

  @Test
  void tooManyParseErrorsFailTheTaskAndLeaveNoSegments() {
    String data = "{\"ts\":\"2015-09-12T00:00:00Z\"}\nnot json\n{\"ts\":\"later\"}\n";
    String id = server.submit(inline("bad-" + RUN, "{\"type\":\"json\"}", data, "", ",\"maxParseExceptions\":1"));
    JsonNode s = server.awaitComplete(id);
    assertThat(s.get("statusCode").asText()).isEqualTo("FAILED");
    assertThat(s.get("errorMsg").asText()).isEqualTo("Max parse exceptions[1] exceeded");
    assertThat(buildSegments(id).at("/rowStats/buildSegments/unparseable").asLong()).isEqualTo(2);
    assertThat(server.json(server.get(API + "/task/" + id + "/segments"))).isEmpty();
  }

  @Test
  void shutdownMidIngestionLeavesNoSegmentsBehind() throws Exception {
    String ds = "stop-" + RUN;
    Path dir = Files.createDirectories(server.inputDir().resolve("input-" + RUN));
    try (var out = Files.newBufferedWriter(dir.resolve("rows.json"))) {
      for (int i = 0; i < 3_000_000; i++) {
        out.write("{\"ts\":" + (1442016000000L + i) + ",\"page\":\"p" + (i % 997) + "\",\"n\":" + i + "}\n");
      }
    }
    String id = server.submit("{\"type\":\"index_parallel\",\"spec\":{\"dataSchema\":{\"dataSource\":\"" + ds + "\","
        + "\"timestampSpec\":{\"column\":\"ts\",\"format\":\"millis\"},\"granularitySpec\":{\"rollup\":false}},"
        + "\"ioConfig\":{\"inputSource\":{\"type\":\"local\",\"baseDir\":" + quote(dir.toString())
        + ",\"filter\":\"*.json\"},\"inputFormat\":{\"type\":\"json\"}}}}");
    server.awaitRunner(id, "RUNNING");
    assertThat(server.post(API + "/task/" + id + "/shutdown", null, null).statusCode()).isEqualTo(200);
    JsonNode s = server.awaitComplete(id);
    assertThat(s.get("statusCode").asText()).isEqualTo("FAILED");
    assertThat(s.get("errorMsg").asText()).isEqualTo("Shutdown request from user");
    assertThat(server.json(server.get(API + "/task/" + id + "/segments"))).isEmpty();
    Path written = server.dataDir().resolve("segments").resolve(ds);
    if (Files.exists(written)) {
      try (var files = Files.walk(written)) {
        assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
      }
    }
  }

  @Test
  void appendingKeepsTheVersionAndLeavesPendingSegmentsToClean() {
    String ds = "append-" + RUN;
    String data = "{\"ts\":\"2015-09-12T01:00:00Z\",\"page\":\"A\"}\n";
    String first = server.submit(inline(ds, "{\"type\":\"json\"}", data, "", ""));
    assertThat(server.awaitComplete(first).get("statusCode").asText()).isEqualTo("SUCCESS");
    String append = server.submit(inline(ds, "{\"type\":\"json\"}", data, "", "")
        .replace("\"inputFormat\"", "\"appendToExisting\":true,\"inputFormat\""));
    assertThat(server.awaitComplete(append).get("statusCode").asText()).isEqualTo("SUCCESS");
    JsonNode a = server.json(server.get(API + "/task/" + first + "/segments")).get(0);
    JsonNode b = server.json(server.get(API + "/task/" + append + "/segments")).get(0);
    assertThat(b.get("version").asText()).isEqualTo(a.get("version").asText());
    assertThat(b.get("interval").asText()).isEqualTo(a.get("interval").asText());
    assertThat(b.get("partitionNum").asInt()).isEqualTo(a.get("partitionNum").asInt() + 1);

    // an active task of the data source created before the interval's end blocks the clean-up
    String blocker = server.submit("{\"type\":\"noop\",\"id\":\"blocker-" + RUN + "\",\"dataSource\":\"" + ds
        + "\",\"runTime\":60000}");
    HttpResponse<String> blocked = server.delete(API + "/pendingSegments/" + ds);
    assertThat(blocked.statusCode()).isEqualTo(400);
    assertThat(server.json(blocked).get("errorMessage").asText()).contains(blocker);
    server.post(API + "/task/" + blocker + "/shutdown", null, null);
    server.awaitComplete(blocker);

    HttpResponse<String> cleaned = server.delete(API + "/pendingSegments/" + ds);
    assertThat(cleaned.statusCode()).isEqualTo(200);
    assertThat(server.json(cleaned).get("numDeleted").asInt()).isEqualTo(1);
    assertThat(server.json(server.delete(API + "/pendingSegments/" + ds)).get("numDeleted").asInt()).isZero();
  }

  @Test
  void localPathsOutsideTheAllowedRootsAreRefused() throws Exception {
    Path outside = Files.createTempDirectory("outside");
    Files.writeString(outside.resolve("x.json"), "{\"ts\":1}\n");
    Path link = server.inputDir().resolve("escape-" + RUN);
    Files.createSymbolicLink(link, outside);
    for (String[] c : new String[][] {
        {"../../../../../../etc", "*", "outside"},
        {outside.toString(), "*.json", "outside"},
        {link.toString(), "*.json", "outside"},
        {server.inputDir().resolve("nope").toString(), "*", "does not exist"},
        {server.inputDir().toString(), "../x", "file name pattern"},
        // the server's own data (database, logs, segments) is never input
        {server.dataDir().toString(), "*", "outside"},
        {server.dataDir().resolve("postgres").toString(), "pg_hba.conf", "outside"}}) {
      String body = "{\"type\":\"index_parallel\",\"spec\":{\"dataSchema\":{\"dataSource\":\"p\",\"timestampSpec\":"
          + "{\"column\":\"ts\"}},\"ioConfig\":{\"inputSource\":{\"type\":\"local\",\"baseDir\":" + quote(c[0])
          + ",\"filter\":" + quote(c[1]) + "},\"inputFormat\":{\"type\":\"json\"}}}}";
      HttpResponse<String> r = server.post(API + "/task", "application/json", body);
      assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
      assertThat(server.json(r).get("errorMessage").asText()).as(c[0]).contains(c[2]);
    }
    HttpResponse<String> missing = server.post(API + "/task", "application/json",
        "{\"type\":\"index_parallel\",\"spec\":{\"dataSchema\":{},\"ioConfig\":{}}}");
    assertThat(server.json(missing).get("errorMessage").asText()).contains("spec.dataSchema.dataSource");
  }

  @Test
  void theDocSampleIngestsTheWikipediaEdits() throws Exception {
    Path unpacked = Path.of(System.getProperty("druidtasks.quickstart.dir"), "wikiticker-2015-09-12-sampled.json.gz");
    assertThat(unpacked).exists();
    Path sample = Files.createDirectories(server.inputDir().resolve("quickstart-" + RUN))
        .resolve(unpacked.getFileName());
    Files.copy(unpacked, sample);
    String spec = "{\"type\":\"index_parallel\",\"spec\":{\"dataSchema\":{\"dataSource\":\"wikipedia-" + RUN + "\","
        + "\"timestampSpec\":{\"column\":\"time\",\"format\":\"iso\"},\"dimensionsSpec\":{\"useSchemaDiscovery\":true},"
        + "\"metricsSpec\":[],\"granularitySpec\":{\"type\":\"uniform\",\"segmentGranularity\":\"day\","
        + "\"queryGranularity\":\"none\",\"intervals\":[\"2015-09-12/2015-09-13\"],\"rollup\":false}},"
        + "\"ioConfig\":{\"type\":\"index_parallel\",\"inputSource\":{\"type\":\"local\",\"baseDir\":"
        + quote(sample.getParent().toString()) + ",\"filter\":\"wikiticker-2015-09-12-sampled.json.gz\"},"
        + "\"inputFormat\":{\"type\":\"json\"},\"appendToExisting\":false},\"tuningConfig\":{\"type\":"
        + "\"index_parallel\",\"maxRowsPerSegment\":5000000,\"maxRowsInMemory\":25000}}}";
    TestServer own = server;
    {
      HttpResponse<String> r = own.post(API + "/task", "application/json", spec);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      String id = own.json(r).get("task").asText();
      assertThat(id).startsWith("index_parallel_wikipedia-" + RUN + "_");
      assertThat(own.awaitComplete(id).get("statusCode").asText()).isEqualTo("SUCCESS");
      JsonNode b = own.json(own.get(API + "/task/" + id + "/reports"))
          .at("/ingestionStatsAndErrors/payload/rowStats/buildSegments");
      assertThat(b.get("processed").asLong()).isEqualTo(39244);
      assertThat(b.get("processedBytes").asLong()).isEqualTo(17106256);
      assertThat(b.get("thrownAway").asLong()).isZero();
      assertThat(b.get("unparseable").asLong()).isZero();
      JsonNode segments = own.json(own.get(API + "/task/" + id + "/segments"));
      assertThat(segments).hasSize(1);
      assertThat(segments.get(0).get("interval").asText())
          .isEqualTo("2015-09-12T00:00:00.000Z/2015-09-13T00:00:00.000Z");
      assertThat(segments.get(0).get("numRows").asLong()).isEqualTo(39244);
      JsonNode payload = own.json(own.get(API + "/task/" + id)).get("payload");
      assertThat(payload.at("/spec/tuningConfig/partitionsSpec/type").asText()).isEqualTo("dynamic");
      assertThat(payload.at("/spec/dataSchema/granularitySpec/intervals/0").asText())
          .isEqualTo("2015-09-12T00:00:00.000Z/2015-09-13T00:00:00.000Z");
      assertThat(payload.at("/spec/dataSchema/timestampSpec/missingValue").isNull()).isTrue();
    }
  }
}
