package dev.druidtasks.server.api;

import static dev.druidtasks.server.TestServer.API;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.druidtasks.server.TestServer;
import io.dropwizard.testing.ConfigOverride;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Overlord endpoints beyond the Tasks API, and segment marking, on the real server. */
class OverlordApiTest {
  private static TestServer server;
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String DAY = "2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z";

  @BeforeAll
  static void start() {
    server = TestServer.shared();
  }

  private static String ingestion(String ds, String interval) {
    return "{\"type\":\"index_parallel\",\"spec\":{\"dataSchema\":{\"dataSource\":\"" + ds + "\","
        + "\"timestampSpec\":{\"column\":\"ts\",\"format\":\"iso\"},\"dimensionsSpec\":{\"dimensions\":[\"p\"]},"
        + "\"granularitySpec\":{\"segmentGranularity\":\"day\",\"intervals\":[\"" + interval + "\"]}},"
        + "\"ioConfig\":{\"type\":\"index_parallel\",\"inputSource\":{\"type\":\"inline\","
        + "\"data\":\"{\\\"ts\\\":\\\"2024-01-01T01:00:00Z\\\",\\\"p\\\":\\\"a\\\"}\"},"
        + "\"inputFormat\":{\"type\":\"json\"}},\"tuningConfig\":{\"type\":\"index_parallel\"}}}";
  }

  private static String ingested(String ds) {
    String id = server.submit(ingestion(ds, DAY));
    assertThat(server.awaitComplete(id).get("statusCode").asText()).isEqualTo("SUCCESS");
    return server.json(server.get(API + "/task/" + id + "/segments")).get(0).get("identifier").asText();
  }

  private static JsonNode ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    return server.json(r);
  }

  private static int changed(HttpResponse<String> r) {
    JsonNode body = ok(r);
    assertThat(body.get("segmentStateChanged").asBoolean()).isEqualTo(body.get("numChangedSegments").asInt() > 0);
    return body.get("numChangedSegments").asInt();
  }

  private static HttpResponse<String> postJson(String path, String body) {
    return server.post(path, "application/json", body);
  }

  @Test
  void leaderIsThisNodeAsABareUrl() {
    HttpResponse<String> r = server.get(API + "/leader");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(r.body()).isEqualTo("http://localhost:" + server.base().getPort());
    assertThat(ok(server.get(API + "/isLeader")).toString()).isEqualTo("{\"leader\":true}");
  }

  @Test
  void workersShowCapacityAndWhatRuns() {
    String id = server.submit("{\"type\":\"noop\",\"dataSource\":\"workers-" + RUN + "\",\"runTime\":3000}");
    server.awaitRunner(id, "RUNNING");
    JsonNode workers = ok(server.get(API + "/workers"));
    assertThat(workers).hasSize(1);
    JsonNode w = workers.get(0);
    assertThat(w.at("/worker/host").asText()).isEqualTo("localhost:" + server.base().getPort());
    assertThat(w.at("/worker/capacity").asInt()).isEqualTo(2);
    assertThat(w.at("/worker/category").asText()).isEqualTo("_default_worker_category");
    assertThat(w.get("runningTasks").toString()).contains(id);
    assertThat(w.get("currCapacityUsed").asInt()).isBetween(1, 2);
    assertThat(w.at("/currCapacityUsedByTaskType/noop").asInt()).isBetween(1, 2);
    assertThat(w.get("lastCompletedTaskTime").asText()).matches("\\d{4}-.*Z");
    JsonNode total = ok(server.get(API + "/totalWorkerCapacity"));
    assertThat(total.get("currentClusterCapacity").asInt()).isEqualTo(2);
    assertThat(total.get("maximumCapacityWithAutoScale").asInt()).isEqualTo(-1);
    assertThat(total.get("usedClusterCapacity").asInt()).isBetween(1, 2);
    server.post(API + "/task/" + id + "/shutdown", null, null);
  }

  @Test
  void compactionSupervisorIsOffAndNoSupervisorRuns() {
    assertThat(ok(server.get(API + "/compaction/isSupervisorEnabled")).asBoolean(true)).isFalse();
    assertThat(ok(server.get(API + "/supervisor?system")).toString()).isEqualTo("[]");
    assertThat(ok(server.get(API + "/supervisor")).toString()).isEqualTo("[]");
  }

  /** On a one-slot server of its own, a long noop keeps the ingestion pending, its lock held. */
  @Test
  void lockedIntervalsListTheLocksOfActiveTasks(@TempDir Path data) {
    try (TestServer one = TestServer.start(data, ConfigOverride.config("workerCapacity", "1"))) {
      String ds = "locked-" + RUN;
      String busy = one.submit("{\"type\":\"noop\",\"dataSource\":\"busy-" + RUN + "\",\"runTime\":60000}");
      one.awaitRunner(busy, "RUNNING");
      String id = one.submit(ingestion(ds, DAY));
      one.awaitRunner(id, "PENDING");
      String locks = API + "/lockedIntervals/v2";
      assertThat(one.json(one.post(locks, "application/json", "[{\"datasource\":\"" + ds + "\",\"priority\":0}]"))
          .toString()).isEqualTo("{\"" + ds + "\":[\"" + DAY + "\"]}");
      assertThat(one.json(one.post(locks, "application/json", "[{\"datasource\":\"" + ds + "\",\"intervals\":"
          + "[\"2030-01-01/2030-01-02\"]}]")).toString()).isEqualTo("{}");
      assertThat(one.json(one.post(locks, "application/json", "[{\"datasource\":\"nothing-" + RUN + "\"}]"))
          .toString()).isEqualTo("{}");
      HttpResponse<String> none = one.post(locks, "application/json", "[]");
      assertThat(none.statusCode()).isEqualTo(400);
      assertThat(one.json(none).get("errorMessage").asText()).isEqualTo("No filter provided");
      one.post(API + "/task/" + busy + "/shutdown", null, null);
      assertThat(one.awaitComplete(id).get("statusCode").asText()).isEqualTo("SUCCESS");
      assertThat(one.json(one.post(locks, "application/json", "[{\"datasource\":\"" + ds + "\"}]")).toString())
          .isEqualTo("{}");
    }
  }

  @Test
  void segmentsGoUnusedAndUsedInEveryForm() {
    String ds = "marks-" + RUN;
    String segment = ingested(ds);
    String path = API + "/datasources/" + ds;
    assertThat(changed(server.delete(path))).isEqualTo(1);
    assertThat(changed(server.delete(path))).isZero();
    assertThat(changed(server.post(path, null, null))).isEqualTo(1);
    assertThat(changed(postJson(path + "/markUnused", "{\"interval\":\"2024-01-01/2024-01-02\",\"versions\":[\"x\"]}")))
        .isZero();
    assertThat(changed(postJson(path + "/markUnused", "{\"interval\":\"2024-01-01/2024-01-02\"}"))).isEqualTo(1);
    assertThat(changed(postJson(path + "/markUsed", "{\"segmentIds\":[\"" + segment + "\"]}"))).isEqualTo(1);
    assertThat(changed(server.delete(path + "/segments/" + segment))).isEqualTo(1);
    assertThat(changed(server.post(path + "/segments/" + segment, null, null))).isEqualTo(1);
    assertThat(changed(server.post(path + "/segments/garbage", null, null))).isZero();
    assertThat(changed(postJson(path + "/markUnused", "{\"segmentIds\":[\"" + segment + "\",\"garbage\"]}")))
        .isEqualTo(1);
  }

  @Test
  void anOvershadowedSegmentStaysUnused() {
    String ds = "overshadow-" + RUN;
    String older = ingested(ds);
    String newer = ingested(ds);
    String path = API + "/datasources/" + ds;
    // the newer version overshadowed the older one at publication
    assertThat(changed(server.post(path, null, null))).isZero();
    assertThat(changed(postJson(path + "/markUsed", "{\"interval\":\"2024-01-01/2024-01-02\"}"))).isZero();
    assertThat(changed(postJson(path + "/markUsed", "{\"segmentIds\":[\"" + older + "\"]}"))).isZero();
    assertThat(changed(server.delete(path))).isEqualTo(1);
    // with both unused, only the newer comes back
    assertThat(changed(server.post(path, null, null))).isEqualTo(1);
    assertThat(changed(server.delete(path + "/segments/" + newer))).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{}|Invalid request payload. Specify either 'interval' or 'segmentIds', but not both.",
      "{\"interval\":\"2024-01-01/2024-01-02\",\"segmentIds\":[\"a\"]}|Specify either 'interval' or 'segmentIds'",
      "{\"segmentIds\":[\"a\"],\"versions\":[\"v\"]}|include 'versions' only when 'interval' is provided",
      "{\"interval\":\"yesterday\"}|for field [interval]",
      "{\"segmentIds\":[\"garbage\"]}|Could not parse segment IDs[[garbage]] for datasource[bad-filters]",
      "{\"segmentIds\":[\"bad-filters_2024-01-01T00:00:00.000Z_2024-01-02T00:00:00.000Z_v9\"]}|Could not find segment IDs",
      "{\"interval\":[1]}|interval"})
  void badFiltersAreFourHundredsThatSayWhy(String body, String says) {
    HttpResponse<String> r = postJson(API + "/datasources/bad-filters/markUsed", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(server.json(r).get("errorMessage").asText()).contains(says);
  }
}
