package dev.druidtasks.server.api;

import static dev.druidtasks.server.TestServer.API;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.druidtasks.server.TestServer;
import io.dropwizard.testing.ConfigOverride;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Basic security on the real server: every endpoint against every kind of caller. */
class SecuredApiTest {
  private static final String PASSWORD = "admin-secret";
  private static final String AUTHN = "/druid-ext/basic-security/authentication/db/basic";
  private static final String AUTHZ = "/druid-ext/basic-security/authorization/db/basic";
  private static TestServer server;
  private static String taskA;
  private static String taskB;

  /** Who calls: a user and password, or nobody. */
  enum Caller {
    ANONYMOUS(null, null), WRONG_PASSWORD("admin", "wrong"), READER_A("readerA", "pa"), WRITER_A("writerA", "pw"),
    READER_B("readerB", "pb"), STATE_READER("stateReader", "ps"), ADMIN("admin", PASSWORD);

    final String user;
    final String password;

    Caller(String user, String password) {
      this.user = user;
      this.password = password;
    }
  }

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(Files.createTempDirectory("druid-tasks-secured"),
        ConfigOverride.config("auth.type", "basic"), ConfigOverride.config("auth.adminPassword", PASSWORD));
    persona("readerA", "pa", Map.of("A", "READ"));
    persona("writerA", "pw", Map.of("A", "READ", "A ", "WRITE"));
    persona("readerB", "pb", Map.of("B", "READ"));
    ok(call(Caller.ADMIN, "POST", AUTHN + "/users/stateReader", null));
    ok(call(Caller.ADMIN, "POST", AUTHN + "/users/stateReader/credentials", "{\"password\":\"ps\"}"));
    ok(call(Caller.ADMIN, "POST", AUTHZ + "/users/stateReader", null));
    ok(call(Caller.ADMIN, "POST", AUTHZ + "/roles/state", null));
    ok(call(Caller.ADMIN, "POST", AUTHZ + "/roles/state/permissions",
        "[{\"resource\":{\"name\":\".*\",\"type\":\"STATE\"},\"action\":\"READ\"}]"));
    ok(call(Caller.ADMIN, "POST", AUTHZ + "/users/stateReader/roles/state", null));
    taskA = submitted("A");
    taskB = submitted("B");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A user with one role granting {@code grants} (data source → action; a trailing space keeps keys apart). */
  private static void persona(String user, String password, Map<String, String> grants) {
    ok(call(Caller.ADMIN, "POST", AUTHN + "/users/" + user, null));
    ok(call(Caller.ADMIN, "POST", AUTHN + "/users/" + user + "/credentials", "{\"password\":\"" + password + "\"}"));
    ok(call(Caller.ADMIN, "POST", AUTHZ + "/users/" + user, null));
    ok(call(Caller.ADMIN, "POST", AUTHZ + "/roles/" + user + "Role", null));
    StringBuilder permissions = new StringBuilder("[");
    grants.forEach((ds, action) -> permissions.append(permissions.length() > 1 ? "," : "")
        .append("{\"resource\":{\"name\":\"").append(ds.trim()).append("\",\"type\":\"DATASOURCE\"},\"action\":\"")
        .append(action).append("\"}"));
    ok(call(Caller.ADMIN, "POST", AUTHZ + "/roles/" + user + "Role/permissions", permissions.append("]").toString()));
    ok(call(Caller.ADMIN, "POST", AUTHZ + "/users/" + user + "/roles/" + user + "Role", null));
  }

  private static String submitted(String ds) {
    HttpResponse<String> r = call(Caller.ADMIN, "POST", API + "/task",
        "{\"type\":\"noop\",\"dataSource\":\"" + ds + "\",\"runTime\":1}");
    ok(r);
    String id = server.json(r).get("task").asText();
    for (int i = 0; i < 200; i++) {
      if (server.json(call(Caller.ADMIN, "GET", API + "/task/" + id + "/status", null)).at("/status/statusCode")
          .asText().equals("SUCCESS")) {
        return id;
      }
      sleep();
    }
    throw new AssertionError("task " + id + " did not succeed");
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  static HttpResponse<String> call(Caller caller, String method, String path, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.base().resolve(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (caller.user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (caller.user + ":" + caller.password).getBytes(StandardCharsets.UTF_8)));
    }
    return server.send(b);
  }

  /** Endpoint, then the status for each caller in {@link Caller} order. */
  static Stream<Arguments> matrix() {
    String a = "{task-a}";
    String b = "{task-b}";
    return Stream.of(
        row("GET", API + "/tasks", 401, 401, 200, 200, 200, 200, 200),
        row("GET", API + "/tasks?datasource=A", 401, 401, 200, 200, 403, 403, 200),
        row("GET", API + "/completeTasks?datasource=B", 401, 401, 403, 403, 200, 403, 200),
        row("GET", API + "/runningTasks", 401, 401, 200, 200, 200, 200, 200),
        row("GET", API + "/waitingTasks", 401, 401, 200, 200, 200, 200, 200),
        row("GET", API + "/pendingTasks", 401, 401, 200, 200, 200, 200, 200),
        row("GET", API + "/task/" + a, 401, 401, 200, 200, 403, 403, 200),
        row("GET", API + "/task/" + b + "/status", 401, 401, 403, 403, 200, 403, 200),
        row("GET", API + "/task/" + a + "/segments", 401, 401, 200, 200, 403, 403, 200),
        row("GET", API + "/task/" + a + "/log", 401, 401, 200, 200, 403, 403, 200),
        row("GET", API + "/task/" + a + "/reports", 401, 401, 404, 404, 403, 403, 404),
        row("GET", API + "/task/no-such-task/status", 401, 401, 404, 404, 404, 404, 404),
        row("POST", API + "/task/" + a + "/shutdown", 401, 401, 403, 404, 403, 403, 404),
        row("POST", API + "/datasources/A/shutdownAllTasks", 401, 401, 403, 404, 403, 403, 404),
        row("DELETE", API + "/pendingSegments/A", 401, 401, 403, 200, 403, 403, 200),
        row("GET", API + "/workers", 401, 401, 403, 403, 403, 200, 200),
        row("GET", API + "/leader", 401, 401, 403, 403, 403, 200, 200),
        row("GET", API + "/isLeader", 200, 200, 200, 200, 200, 200, 200),
        row("GET", API + "/totalWorkerCapacity", 401, 401, 403, 403, 403, 403, 200),
        row("GET", API + "/compaction/isSupervisorEnabled", 401, 401, 403, 403, 403, 403, 200),
        row("GET", API + "/supervisor", 401, 401, 200, 200, 200, 200, 200),
        row("POST", API + "/taskStatus", 401, 401, 403, 403, 403, 403, 400),
        row("POST", API + "/lockedIntervals/v2", 401, 401, 403, 403, 403, 403, 400),
        row("GET", "/status", 401, 401, 403, 403, 403, 200, 200),
        row("GET", "/status/health", 200, 200, 200, 200, 200, 200, 200),
        row("GET", AUTHZ + "/roles", 401, 401, 403, 403, 403, 403, 200),
        row("GET", "/no/such/path", 401, 401, 404, 404, 404, 404, 404));
  }

  private static Arguments row(String method, String path, int... statuses) {
    return Arguments.of(method, path, statuses);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("matrix")
  void eachCallerGetsWhatItsPermissionsAllow(String method, String path, int[] statuses) {
    String resolved = path.replace("{task-a}", taskA).replace("{task-b}", taskB);
    for (Caller c : Caller.values()) {
      HttpResponse<String> r = call(c, method, resolved, null);
      assertThat(r.statusCode()).as(c + " " + method + " " + resolved + ": " + r.body())
          .isEqualTo(statuses[c.ordinal()]);
    }
  }

  @Test
  void listsShowOnlyTheTasksOfReadableDataSources() {
    assertThat(visible(Caller.READER_A)).contains("A").doesNotContain("B");
    assertThat(visible(Caller.READER_B)).contains("B").doesNotContain("A");
    assertThat(visible(Caller.STATE_READER)).isEmpty();
    assertThat(visible(Caller.ADMIN)).contains("A", "B");
  }

  private static Set<String> visible(Caller c) {
    Set<String> ds = new HashSet<>();
    for (JsonNode t : server.json(call(c, "GET", API + "/tasks", null))) {
      ds.add(t.get("dataSource").asText());
    }
    return ds;
  }

  @Test
  void submittingNeedsWriteOnTheTasksDataSource() {
    String noop = "{\"type\":\"noop\",\"dataSource\":\"A\",\"runTime\":1}";
    assertThat(call(Caller.READER_A, "POST", API + "/task", noop).statusCode()).isEqualTo(403);
    assertThat(call(Caller.WRITER_A, "POST", API + "/task", noop).statusCode()).isEqualTo(200);
    assertThat(call(Caller.WRITER_A, "POST", API + "/task", noop.replace("\"A\"", "\"B\"")).statusCode())
        .isEqualTo(403);
  }

  @Test
  void bulkStatusNeedsStateWriteAndThenShowsEveryDataSource() {
    String ids = "[\"" + taskA + "\",\"" + taskB + "\"]";
    assertThat(call(Caller.READER_A, "POST", API + "/taskStatus", ids).statusCode()).isEqualTo(403);
    assertThat(call(Caller.STATE_READER, "POST", API + "/taskStatus", ids).statusCode()).isEqualTo(403);
    JsonNode statuses = server.json(call(Caller.ADMIN, "POST", API + "/taskStatus", ids));
    assertThat(statuses.has(taskA)).isTrue();
    assertThat(statuses.has(taskB)).isTrue();
  }

  @Test
  void theAdminApiShowsUsersRolesAndPermissionsInDruidsShapes() {
    JsonNode role = server.json(call(Caller.ADMIN, "GET", AUTHZ + "/roles/readerARole", null));
    assertThat(role.toString()).isEqualTo("{\"name\":\"readerARole\",\"permissions\":[{\"resourceAction\":"
        + "{\"resource\":{\"name\":\"A\",\"type\":\"DATASOURCE\"},\"action\":\"READ\"},\"resourceNamePattern\":\"A\"}]}");
    assertThat(server.json(call(Caller.ADMIN, "GET", AUTHZ + "/roles/readerARole?full", null)).toString())
        .startsWith("{\"name\":\"readerARole\",\"users\":[\"readerA\"],\"groups\":[],\"permissions\":[");
    assertThat(server.json(call(Caller.ADMIN, "GET", AUTHZ + "/roles/readerARole?simplifyPermissions", null)).toString())
        .isEqualTo("{\"name\":\"readerARole\",\"users\":null,\"permissions\":[{\"resource\":{\"name\":\"A\","
            + "\"type\":\"DATASOURCE\"},\"action\":\"READ\"}]}");
    assertThat(server.json(call(Caller.ADMIN, "GET", AUTHZ + "/users/readerA", null)).toString())
        .isEqualTo("{\"name\":\"readerA\",\"roles\":[\"readerARole\"]}");
    assertThat(server.json(call(Caller.ADMIN, "GET", AUTHZ + "/users?full", null)).toString()).contains("\"readerA\"")
        .startsWith("[");
    JsonNode credentials = server.json(call(Caller.ADMIN, "GET", AUTHN + "/users/readerA", null)).get("credentials");
    assertThat(credentials.get("iterations").asLong()).isEqualTo(1024);
    assertThat(credentials.get("salt").asText()).hasSize(24);
    assertThat(server.json(call(Caller.ADMIN, "GET", AUTHZ + "/roles/admin", null)).at("/permissions/0/resourceAction")
        .toString()).isEqualTo("{\"resource\":{\"name\":\".*\",\"type\":\"CONFIG\"},\"action\":\"READ\"}");
  }

  @Test
  void unauthenticatedAnswersAskForBasicCredentialsAndNeverNameTheUser() {
    HttpResponse<String> wrong = call(Caller.WRONG_PASSWORD, "GET", API + "/tasks", null);
    HttpResponse<String> unknown = server.send(HttpRequest.newBuilder(server.base().resolve(API + "/tasks"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("nobody:x".getBytes())));
    assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.body()).isEqualTo(wrong.body()).doesNotContain("nobody").doesNotContain("admin");
  }

  @Test
  void adminApiRefusalsAreDruidsErrors() {
    HttpResponse<String> dup = call(Caller.ADMIN, "POST", AUTHN + "/users/readerA", null);
    assertThat(dup.statusCode()).isEqualTo(400);
    assertThat(server.json(dup).get("error").asText()).isEqualTo("User [readerA] already exists.");
    HttpResponse<String> other = call(Caller.ADMIN, "GET", "/druid-ext/basic-security/authorization/db/other/roles", null);
    assertThat(server.json(other).get("error").asText()).isEqualTo("Basic authorizer with name [other] does not exist.");
    HttpResponse<String> badRegex = call(Caller.ADMIN, "POST", AUTHZ + "/roles/readerARole/permissions",
        "[{\"resource\":{\"name\":\"(\",\"type\":\"DATASOURCE\"},\"action\":\"READ\"}]");
    assertThat(server.json(badRegex).get("error").asText())
        .isEqualTo("Invalid permission, resource name regex[(] does not compile.");
    HttpResponse<String> noResource = call(Caller.ADMIN, "POST", AUTHZ + "/roles/readerARole/permissions",
        "[{\"action\":\"READ\"}]");
    assertThat(noResource.statusCode()).isEqualTo(400);
    assertThat(server.json(call(Caller.ADMIN, "POST", AUTHN + "/users/readerA/credentials", "{}")).get("error")
        .asText()).isEqualTo("Cannot assign null password.");
    assertThat(call(Caller.READER_A, "GET", API + "/task/" + taskA, null).statusCode()).isEqualTo(200);
  }

  @Test
  void aChangedPasswordTakesEffectAtOnce() {
    ok(call(Caller.ADMIN, "POST", AUTHN + "/users/readerB/credentials", "{\"password\":\"new\"}"));
    try {
      assertThat(call(Caller.READER_B, "GET", API + "/tasks", null).statusCode()).isEqualTo(401);
    } finally {
      ok(call(Caller.ADMIN, "POST", AUTHN + "/users/readerB/credentials", "{\"password\":\"pb\"}"));
    }
    assertThat(call(Caller.READER_B, "GET", API + "/tasks", null).statusCode()).isEqualTo(200);
  }

  @Test
  void guessingPasswordsIsSlowedForThatClientAndUserOnly() {
    long started = System.nanoTime();
    int verified = 0;
    int throttled = 0;
    for (int i = 0; i < 1000; i++) {
      HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.base().resolve(API + "/tasks"))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("writerA:guess" + i).getBytes())));
      if (r.statusCode() == 429) {
        throttled++;
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
      } else {
        assertThat(r.statusCode()).isEqualTo(401);
        verified++;
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("1000 wrong passwords in %.1f s: %d checked, %d refused unchecked%n", seconds, verified, throttled);
    // a burst of 10, then one check a second
    assertThat(verified).isLessThanOrEqualTo(10 + (int) Math.ceil(seconds) + 1);
    assertThat(call(Caller.READER_A, "GET", API + "/tasks", null).statusCode()).isEqualTo(200);
    assertThat(call(Caller.ADMIN, "GET", API + "/tasks", null).statusCode()).isEqualTo(200);
    sleepMillis(1100);
    assertThat(call(Caller.WRITER_A, "GET", API + "/tasks", null).statusCode()).isEqualTo(200);
  }

  private static void sleepMillis(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String localIngestion(String ds) throws java.io.IOException {
    Files.writeString(server.inputDir().resolve("secured.json"), "{\"ts\":\"2024-01-01T01:00:00Z\",\"p\":\"a\"}\n");
    return "{\"type\":\"index_parallel\",\"spec\":{\"dataSchema\":{\"dataSource\":\"" + ds + "\","
        + "\"timestampSpec\":{\"column\":\"ts\",\"format\":\"iso\"},\"dimensionsSpec\":{\"dimensions\":[\"p\"]},"
        + "\"granularitySpec\":{\"segmentGranularity\":\"day\"}},\"ioConfig\":{\"type\":\"index_parallel\","
        + "\"inputSource\":{\"type\":\"local\",\"baseDir\":\"" + server.inputDir() + "\",\"filter\":\"secured.json\"},"
        + "\"inputFormat\":{\"type\":\"json\"}},\"tuningConfig\":{\"type\":\"index_parallel\"}}}";
  }

  @Test
  void localInputNeedsExternalReadOnLocalAndInlineInputDoesNot() throws Exception {
    String local = localIngestion("A");
    HttpResponse<String> refused = call(Caller.WRITER_A, "POST", API + "/task", local);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(call(Caller.ADMIN, "POST", API + "/task", local).statusCode()).isEqualTo(200);
    String inline = local.replaceFirst("\\{\"type\":\"local\"[^}]*}",
        "{\"type\":\"inline\",\"data\":\"{\\\\\"ts\\\\\":\\\\\"2024-01-01T01:00:00Z\\\\\"}\"}");
    HttpResponse<String> accepted = call(Caller.WRITER_A, "POST", API + "/task", inline);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
  }

  @Test
  void theAuditLogSaysWhoDidWhatAndNeverHoldsAPassword() {
    HttpResponse<String> submitted = call(Caller.WRITER_A, "POST", API + "/task",
        "{\"type\":\"noop\",\"dataSource\":\"A\",\"runTime\":60000}");
    String id = server.json(submitted).get("task").asText();
    ok(call(Caller.WRITER_A, "POST", API + "/task/" + id + "/shutdown", null));
    ok(call(Caller.ADMIN, "POST", AUTHN + "/users/stateReader/credentials", "{\"password\":\"ps\"}"));
    assertThat(call(Caller.WRITER_A, "GET", "/druid-tasks/v1/audit", null).statusCode()).isEqualTo(403);
    HttpResponse<String> log = call(Caller.ADMIN, "GET", "/druid-tasks/v1/audit?max=1000", null);
    ok(log);
    assertThat(log.body()).doesNotContain("\"ps\"").doesNotContain(PASSWORD);
    Set<String> lines = new HashSet<>();
    for (JsonNode line : server.json(log)) {
      lines.add(line.path("actor").asText("") + " " + line.get("action").asText() + " "
          + line.path("taskId").asText("") + " " + line.path("detail").asText(""));
    }
    assertThat(lines).contains("writerA request.submitTask " + id + " ", "writerA request.shutdownTask " + id + " ",
        "admin request.setCredentials  userName=stateReader");
  }
}
