package dev.druidtasks.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.druidtasks.server.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated requests over every endpoint, parameter, header and body shape, against a server of its
 * own: none is answered 5xx; every 4xx carries a JSON error (or one of Druid's documented text
 * answers); the tasks stored before are unchanged after; the server is healthy and still runs tasks.
 * The seed is fixed, so a failure replays; a different one is one argument away.
 */
class ApiFuzzTest {
  static final String SEED = "20261201";
  private static final String API = TestServer.API;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** What an answer must not name: Java packages, exception classes. */
  private static final java.util.regex.Pattern JAVA_INTERNALS = java.util.regex.Pattern.compile(
      "\\b(java|javax|jakarta)\\.[a-z]|com\\.fasterxml|org\\.(eclipse|postgresql|jdbi|glassfish)|\\w+Exception\\b");
  private static final Map<Integer, AtomicInteger> CODES = new ConcurrentSkipListMap<>();
  private static final List<String> STORED = new ArrayList<>();
  private static final Map<String, String> BEFORE = new LinkedHashMap<>();
  private static TestServer server;
  private static String previous = "nothing";

  @BeforeContainer
  static void serverWithStoredTasks() throws IOException {
    server = TestServer.start(Files.createTempDirectory("fuzz"));
    for (int i = 0; i < 20; i++) {
      STORED.add(server.submit("{\"type\":\"noop\",\"id\":\"fuzz-stored-" + i + "\",\"dataSource\":\"fuzz\",\"runTime\":1}"));
    }
    for (String id : STORED) {
      server.awaitComplete(id);
      BEFORE.put(id, stored(id));
    }
    System.out.println("API fuzz: seed " + SEED);
  }

  @AfterContainer
  static void nothingStoredChangedAndTheServerGoesOn() {
    try {
      int total = CODES.values().stream().mapToInt(AtomicInteger::get).sum();
      System.out.println("API fuzz: " + total + " requests; status codes " + new TreeMap<>(CODES));
      for (String id : STORED) {
        assertThat(stored(id)).as("task " + id + " after the fuzz").isEqualTo(BEFORE.get(id));
      }
      assertThat(server.get("/status/health").body()).isEqualTo("true");
      String noop = server.submit("{\"type\":\"noop\",\"runTime\":1}");
      assertThat(server.awaitComplete(noop).get("statusCode").asText()).isEqualTo("SUCCESS");
      assertThat(total).isGreaterThanOrEqualTo(5000);
    } finally {
      server.close();
    }
  }

  @Property(tries = 5000, seed = SEED, shrinking = ShrinkingMode.OFF)
  void noAnswerIsAServerErrorAndEveryRefusalIsJson(@ForAll("requests") RawRequest request) {
    HttpResponse<String> r;
    try {
      r = server.send(request.on(server.base()));
    } catch (UncheckedIOException e) {
      throw new AssertionError(request + " got no answer (after " + previous + "): " + e.getMessage(), e);
    }
    previous = request + " -> " + r.statusCode() + " " + r.headers().firstValue("Connection").orElse("");
    CODES.computeIfAbsent(r.statusCode(), c -> new AtomicInteger()).incrementAndGet();
    assertThat(r.statusCode()).as(request + " answered " + r.body()).isLessThan(500);
    if (r.statusCode() >= 400 && !request.method().equals("HEAD")) {
      assertThat(isJsonError(r) || isDruidText(r) || isEmptyShutdownAll(request, r))
          .as(request + " answered " + r.statusCode() + " " + r.headers().firstValue("Content-Type").orElse("")
              + ": " + r.body()).isTrue();
    }
  }

  @Provide
  Arbitrary<RawRequest> requests() {
    Arbitrary<String> method = Arbitraries.of("GET", "GET", "POST", "POST", "POST", "DELETE", "PUT", "PATCH", "OPTIONS",
        "HEAD");
    Arbitrary<String> contentType = Arbitraries.oneOf(Arbitraries.of("application/json", "application/json",
        "application/json; charset=utf-8", "text/plain", "json", "*/*", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/json; charset=utf-16", ";;", "application/"),
        Arbitraries.just(null), Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20));
    Arbitrary<String> encoding = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.just((String) null)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("gzip", "deflate", "br", "identity", "gzip, gzip", "x")));
    return Combinators.combine(method, path(), contentType, encoding, body()).as((m, p, ct, ce, b) -> {
      byte[] bytes = b == null ? null : b.getBytes(StandardCharsets.UTF_8);
      if ("gzip".equals(ce) && bytes != null && b.hashCode() % 2 == 0) {
        bytes = RawRequest.gzip(bytes); // half of the gzip bodies really are gzip
      }
      return new RawRequest(m, p, ct, ce, m.equals("GET") || m.equals("HEAD") ? null : bytes, false);
    });
  }

  private Arbitrary<String> path() {
    Arbitrary<String> segment = Arbitraries.oneOf(
        Arbitraries.of("fuzz-stored-0", "fuzz-stored-1", "nope", "fuzz", "", "..", ".", "a b", "%", "é"),
        Arbitraries.of("../x", "a/b", "\u0000", "a\u0001b", "\t", "\r\n", "x".repeat(300), "💥"),
        junk(30));
    Arbitrary<String> endpoint = Arbitraries.of("/status", "/status/health", API + "/tasks", API + "/completeTasks",
        API + "/runningTasks", API + "/waitingTasks", API + "/pendingTasks", API + "/task", API + "/task/{}",
        API + "/task/{}/status", API + "/task/{}/segments", API + "/task/{}/log", API + "/task/{}/reports",
        API + "/task/{}/shutdown", API + "/taskStatus", API + "/datasources/{}/shutdownAllTasks",
        API + "/pendingSegments/{}", API + "/{}", "/{}");
    Arbitrary<String> query = Combinators.combine(
        Arbitraries.of("state", "datasource", "createdTimeInterval", "max", "type", "n", "offset", "interval", "x", ""),
        queryValue()).as((k, v) -> encode(k) + "=" + encode(v)).list().ofMaxSize(3)
        .map(l -> l.isEmpty() ? "" : "?" + String.join("&", l));
    return Combinators.combine(endpoint, segment, query).as((e, s, q) -> e.replace("{}", encode(s)) + q);
  }

  private Arbitrary<String> queryValue() {
    return Arbitraries.oneOf(
        Arbitraries.of("complete", "running", "pending", "waiting", "COMPLETE", "bogus", "fuzz", "noop",
            "index_parallel"),
        Arbitraries.of("0", "1", "-1", "abc", "1e30", "9223372036854775808", "2147483648", " 3", "-100", "100000000"),
        Arbitraries.of("2023-06-27_2023-06-28", "2023-06-27/2023-06-28", "+295000-01-01/+295001-01-01",
            "-146136543-09-08T08:23:32.096Z/146140482-04-24T15:36:27.903Z", "-999999999-01-01/2015-01-01",
            "P9999999999Y/2015-01-01", "2015-01-01/P999999999Y", "2015/P1D", "P1D_2015", "_", "/", "2015-13-45_x",
            "-292275055-05-16T16:47:04.192Z/2026-01-01"),
        Arbitraries.of("\u0000", "a\u0000b", "\r\n"),
        junk(40));
  }

  private Arbitrary<String> body() {
    Arbitrary<String> noop = Combinators.combine(
        Arbitraries.of("\"noop\"", "\"index_parallel\"", "\"index\"", "\"bogus\"", "null", "1", "[]"),
        Arbitraries.of("", ",\"id\":\"fuzz-stored-0\"", ",\"id\":\"../x\"", ",\"id\":null", ",\"id\":7",
            ",\"id\":\"a\\u0000\"", ",\"id\":\"" + "y".repeat(300) + "\""),
        Arbitraries.of("", ",\"runTime\":1", ",\"runTime\":-1", ",\"runTime\":\"x\"", ",\"runTime\":1e30",
            ",\"runTime\":9223372036854775807", ",\"isReadyTime\":-5"),
        Arbitraries.of("", ",\"dataSource\":\"fuzz\"", ",\"dataSource\":\"a/b\"", ",\"dataSource\":\"\\u0000\"",
            ",\"dataSource\":\"" + "d".repeat(300) + "\"", ",\"dataSource\":{}"),
        Arbitraries.of("", ",\"context\":{\"k\":\"\\u0000\"}", ",\"context\":[]", ",\"spec\":{}", ",\"spec\":" + spec()))
        .as((t, id, rt, ds, more) -> "{\"type\":" + t + id + rt + ds + more + "}");
    Arbitrary<String> ids = Arbitraries.of("[]", "[null]", "[\"fuzz-stored-0\",\"nope\"]", "[\"\\u0000\"]", "[1,2]",
        "[[]]", "{\"ids\":[]}", "\"x\"", "[\"fuzz-stored-0\"," + "\"z\",".repeat(2000) + "\"z\"]");
    Arbitrary<String> broken = Arbitraries.of("", "{", "[\"a\",", "{\"type\": \"noop\", ", "nul", "\u0000", "\uFEFF{}",
        "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}", "{\"type\":\"noop\",\"type\":\"index\"}", "{}", "{} {}");
    return Arbitraries.oneOf(noop, noop, ids, broken, junk(200), Arbitraries.just(null));
  }

  /** An ingestion spec with every part drawn from good, odd and hostile values. */
  private static String spec() {
    return "{\"dataSchema\":{\"dataSource\":\"fuzz\",\"timestampSpec\":{\"column\":\"t\",\"format\":\"iso\"},"
        + "\"granularitySpec\":{\"segmentGranularity\":\"day\",\"intervals\":[\"+295000-01-01/+295001-01-01\"]}},"
        + "\"ioConfig\":{\"type\":\"index_parallel\",\"inputSource\":{\"type\":\"local\",\"baseDir\":\"/etc\","
        + "\"filter\":\"passwd\"},\"inputFormat\":{\"type\":\"json\"}}}";
  }

  private static Arbitrary<String> junk(int maxLength) {
    return Arbitraries.strings().all().ofMaxLength(maxLength);
  }

  private static String encode(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (x & 0xff);
      if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
        b.append(c);
      } else {
        b.append('%').append(String.format("%02X", x & 0xff));
      }
    }
    return b.toString();
  }



  private static boolean isJsonError(HttpResponse<String> r) {
    if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
      return false;
    }
    try {
      JsonNode n = JSON.readTree(r.body());
      if (n == null || !n.path("error").isTextual()) {
        return false;
      }
      String message = "druidException".equals(n.get("error").asText()) ? n.path("errorMessage").asText()
          : n.get("error").asText();
      return !JAVA_INTERNALS.matcher(message).find();
    } catch (IOException e) {
      return false;
    }
  }

  /** Druid's own plain-text answers, kept exactly (unknown task, missing log or report, bad state). */
  private static boolean isDruidText(HttpResponse<String> r) {
    String body = r.body();
    return r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain")
        && (body.startsWith("Cannot find any task with id: [") || body.startsWith("No log was found")
        || body.startsWith("No task reports were found") || body.startsWith("Invalid task state[")
        || body.startsWith("Task [") && body.contains("is no longer running"));
  }

  /** Druid answers shutdownAllTasks of a datasource without active tasks with an empty 404. */
  private static boolean isEmptyShutdownAll(RawRequest request, HttpResponse<String> r) {
    return r.statusCode() == 404 && r.body().isEmpty() && request.path().split("\\?")[0].endsWith("/shutdownAllTasks");
  }

  private static String stored(String id) {
    JsonNode status = server.status(id);
    return status + " " + server.get(API + "/task/" + id).body();
  }
}
