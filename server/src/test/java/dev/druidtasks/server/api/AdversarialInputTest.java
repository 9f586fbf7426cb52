package dev.druidtasks.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.druidtasks.server.TestServer;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inputs that once reached the database or a framework unchecked: each is a 4xx with a JSON error
 * naming the problem, and the server keeps scheduling.
 */
class AdversarialInputTest {
  private static final String API = TestServer.API;
  private static final String FAR_FUTURE = "{\"type\":\"index_parallel\",\"spec\":{\"dataSchema\":{\"dataSource\":\"p\","
      + "\"timestampSpec\":{\"column\":\"time\"},\"granularitySpec\":{\"intervals\":[\"+295000-01-01/+295001-01-01\"]}},"
      + "\"ioConfig\":{\"type\":\"index_parallel\",\"inputSource\":{\"type\":\"inline\",\"data\":\"{}\"},"
      + "\"inputFormat\":{\"type\":\"json\"}}}}";

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("interval past PostgreSQL's years", RawRequest.json(API + "/task", FAR_FUTURE), 400, "intervals[0]"),
        Arguments.of("NUL in a query value", new RawRequest("GET", API + "/tasks?type=%00", null, null, null, false), 400, "[type]"),
        Arguments.of("NUL in a data source", RawRequest.json(API + "/task", "{\"type\":\"noop\",\"dataSource\":\"\\u0000\"}"), 400,
            "[dataSource]"),
        Arguments.of("NUL deep in a payload", RawRequest.json(API + "/task", "{\"type\":\"noop\",\"context\":{\"k\":\"a\\u0000\"}}"),
            400, "[context.k]"),
        Arguments.of("a data source that breaks the id rules",
            RawRequest.json(API + "/task", "{\"type\":\"index_parallel\",\"spec\":{\"dataSchema\":{\"dataSource\":\"a/b\"}}}"), 400,
            "spec.dataSchema.dataSource"),
        Arguments.of("a 100 000-character data source",
            RawRequest.json(API + "/task", "{\"type\":\"noop\",\"dataSource\":\"" + "x".repeat(100_000) + "\"}"), 400, "[dataSource]"),
        Arguments.of("a period past any year",
            new RawRequest("DELETE", API + "/pendingSegments/x?interval=2015-01-01%2FP999999999Y", null, null, null, false), 400,
            "[interval]"),
        Arguments.of("a body that does not inflate", RawRequest.json(API + "/taskStatus", "[]").encoded("gzip", "[]".getBytes()), 400,
            "Content-Encoding"),
        Arguments.of("a Content-Type that is not a media type", RawRequest.json(API + "/task", "{}").typed("json"), 400,
            "Content-Type"),
        Arguments.of("a gzip body that inflates past the limit", RawRequest.json(API + "/taskStatus", "").encoded("gzip",
            RawRequest.gzip(bigArray())), 413, "exceeds the limit"),
        Arguments.of("a chunked body past the limit", RawRequest.json(API + "/taskStatus", "").encoded(null, bigArray()).withChunks(),
            413, "exceeds the limit"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void isAJsonFourHundredNamingTheProblem(String what, RawRequest request, int status, String named) {
    TestServer server = TestServer.shared();
    HttpResponse<String> r = server.send(request.on(server.base()));
    assertThat(r.statusCode()).as(what + ": " + r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonNode body = server.json(r);
    assertThat(body.path("errorMessage").asText()).as(what).contains(named).doesNotContain("java.", "Exception");
    String noop = server.submit("{\"type\":\"noop\",\"runTime\":1}");
    assertThat(server.awaitComplete(noop).get("statusCode").asText()).isEqualTo("SUCCESS");
  }

  /** Framings no HTTP client library sends, written on a socket: a line break inside the path, a bad chunk. */
  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "GET /druid/indexer/v1/tasks\r\n HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /druid/indexer/v1/ta\nsks HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /druid/indexer/v1/ta\rsks HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /druid/indexer/v1/task/%00/status HTTP/1.1\r\nHost: x\r\n\r\n",
      "POST /druid/indexer/v1/taskStatus HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Transfer-Encoding: chunked\r\n\r\nzz\r\n"})
  void oddFramingsAreAJsonFourHundred(String raw) throws Exception {
    TestServer server = TestServer.shared();
    try (java.net.Socket socket = new java.net.Socket("localhost", server.base().getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(raw.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      String answer = new String(socket.getInputStream().readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 400 ").contains("application/json", "\"errorMessage\"");
    }
    String noop = server.submit("{\"type\":\"noop\",\"runTime\":1}");
    assertThat(server.awaitComplete(noop).get("statusCode").asText()).isEqualTo("SUCCESS");
  }

  static Stream<Arguments> clampedIntervals() {
    return Stream.of(
        Arguments.of("-146136543-09-08T08:23:32.096Z/146140482-04-24T15:36:27.903Z"), // Joda's ETERNITY
        Arguments.of("-292275055-05-16T16:47:04.192Z/2026-11-30T00:00:00.000Z"), // DateTimes.MIN to a day ago
        Arguments.of("-999999999-01-01/2015-01-01"),
        Arguments.of("+295000-01-01/+295001-01-01"));
  }

  /** Intervals Druid's own clients send, beyond the years this server stores: clamped, never an error. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("clampedIntervals")
  void pendingSegmentIntervalsBeyondStoredYearsAreClamped(String interval) {
    TestServer server = TestServer.shared();
    HttpResponse<String> r = server.delete(API + "/pendingSegments/clamped-" + Math.abs(interval.hashCode())
        + "?interval=" + java.net.URLEncoder.encode(interval, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(server.json(r).get("numDeleted").asInt()).isZero();
  }

  private static byte[] bigArray() {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < 4_500_000; i++) {
      b.append("\"x\",");
    }
    return b.append("\"y\"]").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }


}
