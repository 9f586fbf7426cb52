package dev.druidtasks.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.druidtasks.conformance.http.ApiRequest;
import dev.druidtasks.conformance.http.ApiResponse;
import dev.druidtasks.conformance.http.TasksClient;
import dev.druidtasks.conformance.security.PermissionMatrix;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reference Druid started with druid-basic-security: the admin it was given may do everything,
 * requests without valid credentials are refused, and a user granted READ on one datasource through
 * the extension's admin API sees that datasource's tasks only.
 */
class ReferenceSecurityTest {
  private static final String ADMIN_PASSWORD = "reference-admin-1";
  private static final String READER = "readerA";
  private static final String READER_PASSWORD = "reader-a-1";
  private static final String AUTHN = "/druid-ext/basic-security/authentication/db/basic";
  private static final String AUTHZ = "/druid-ext/basic-security/authorization/db/basic";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ReferenceDruid druid;
  private static TasksClient admin;
  private static String taskOfA;
  private static String taskOfB;

  /** The fields of a task list entry this test reads. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ListedTask(String id, String dataSource) {}

  @BeforeAll
  static void startSecuredAndGrantReadOnA() {
    druid = ReferenceDruids.startSecured("security", 23_000, BasicSecurity.withAdminPassword(ADMIN_PASSWORD));
    admin = client(BasicSecurity.ADMIN, ADMIN_PASSWORD);
    ok(admin.send(ApiRequest.post(AUTHN + "/users/" + READER)).response());
    ok(admin.send(ApiRequest.postJson(AUTHN + "/users/" + READER + "/credentials",
        "{\"password\":\"" + READER_PASSWORD + "\"}")).response());
    ok(admin.send(ApiRequest.post(AUTHZ + "/users/" + READER)).response());
    ok(admin.send(ApiRequest.post(AUTHZ + "/roles/readA")).response());
    ok(admin.send(ApiRequest.postJson(AUTHZ + "/roles/readA/permissions",
        "[{\"resource\":{\"name\":\"A\",\"type\":\"DATASOURCE\"},\"action\":\"READ\"}]")).response());
    ok(admin.send(ApiRequest.post(AUTHZ + "/users/" + READER + "/roles/readA")).response());
    taskOfA = submitNoop("A");
    taskOfB = submitNoop("B");
  }

  @AfterAll
  static void stop() {
    if (druid != null) {
      List<ProcessHandle> tree = druid.processTree();
      druid.close();
      assertThat(tree).noneMatch(ProcessHandle::isAlive);
    }
  }

  @Test
  void theAdminListsEveryTask() {
    ApiResponse r = admin.send(ApiRequest.get("/druid/indexer/v1/tasks")).response();
    assertThat(r.status()).isEqualTo(200);
    assertThat(tasks(r)).extracting(ListedTask::id).contains(taskOfA, taskOfB);
  }

  /** No credentials: Druid's JSON 401 with the challenge that makes clients send them. */
  @Test
  void anonymousGets401WithTheBasicChallenge() {
    ApiResponse r = client(null, null).send(ApiRequest.get("/druid/indexer/v1/tasks")).response();
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("WWW-Authenticate")).contains("Basic");
    assertThat(r.text()).contains("\"error\":\"Unauthorized request\"");
  }

  /** Bad credentials: Jetty's own 401 page, without a challenge. */
  @Test
  void aWrongPasswordGets401() {
    ApiResponse r = client(BasicSecurity.ADMIN, "not-" + ADMIN_PASSWORD)
        .send(ApiRequest.get("/druid/indexer/v1/tasks")).response();
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("WWW-Authenticate")).isEmpty();
  }

  @Test
  void theHealthCheckStaysOpen() {
    ApiResponse r = client(null, null).send(ApiRequest.get("/status/health")).response();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.text()).isEqualTo("true");
  }

  @Test
  void aReaderOfASeesOnlyTheTasksOfA() {
    TasksClient reader = client(READER, READER_PASSWORD);
    ApiResponse list = reader.send(ApiRequest.get("/druid/indexer/v1/tasks")).response();
    assertThat(list.status()).isEqualTo(200);
    assertThat(tasks(list)).extracting(ListedTask::dataSource).containsOnly("A");
    assertThat(tasks(list)).extracting(ListedTask::id).contains(taskOfA);

    ApiResponse otherTask = reader.send(ApiRequest.get("/druid/indexer/v1/task/" + taskOfB)).response();
    assertThat(otherTask.status()).isEqualTo(403);
    assertThat(json(otherTask.text(), new TypeReference<Map<String, String>>() {}))
        .containsExactly(Map.entry("Access-Check-Result", "Unauthorized"));

    ApiResponse otherDataSource = reader.send(ApiRequest.get("/druid/indexer/v1/tasks").withQuery("datasource", "B"))
        .response();
    assertThat(otherDataSource.status()).isEqualTo(403);
  }

  /** Only READ on A: submitting to A needs WRITE. */
  @Test
  void aReaderMayNotSubmit() {
    ApiResponse r = client(READER, READER_PASSWORD).send(ApiRequest.postJson("/druid/indexer/v1/task",
        "{\"type\":\"noop\",\"dataSource\":\"A\"}")).response();
    assertThat(r.status()).isEqualTo(403);
  }

  /** The suite's permission matrix, judged by Druid's answers: the reference Druid must give every one. */
  @Test
  void everyCellOfThePermissionMatrixIsDruidsAnswer() throws Exception {
    List<PermissionMatrix.Cell> cells = new PermissionMatrix(druid.overlord(), ADMIN_PASSWORD, true,
        Duration.ofMinutes(3)).run();
    System.out.println("Permission matrix on the reference Druid: " + cells.size() + " cells, "
        + cells.stream().filter(PermissionMatrix.Cell::passed).count() + " as expected");
    assertThat(cells.stream().filter(c -> !c.passed()).map(Object::toString).toList()).isEmpty();
    assertThat(cells).hasSizeGreaterThan(200);
  }

  private static String submitNoop(String dataSource) {
    ApiResponse r = admin.send(ApiRequest.postJson("/druid/indexer/v1/task",
        "{\"type\":\"noop\",\"dataSource\":\"" + dataSource + "\",\"runTime\":1}")).response();
    ok(r);
    return json(r.text(), new TypeReference<Map<String, String>>() {}).get("task");
  }

  private static TasksClient client(String user, String password) {
    URI overlord = druid.overlord();
    return new TasksClient(overlord, user, password, Duration.ofSeconds(30));
  }

  private static void ok(ApiResponse r) {
    assertThat(r.status()).as(r.text()).isEqualTo(200);
  }

  private static List<ListedTask> tasks(ApiResponse r) {
    return json(r.text(), new TypeReference<List<ListedTask>>() {});
  }

  private static <T> T json(String text, TypeReference<T> type) {
    try {
      return JSON.readValue(text, type);
    } catch (IOException e) {
      throw new AssertionError("not the JSON expected: " + text, e);
    }
  }
}
