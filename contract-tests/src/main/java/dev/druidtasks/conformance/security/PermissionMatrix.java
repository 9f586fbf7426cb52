package dev.druidtasks.conformance.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Every endpoint against every kind of caller, on a target with basic security on: sets the personas up
 * through Druid's admin API, submits a task of data source A and one of B, then sends each row's request
 * as each persona and compares what it gets with {@link MatrixRows}. The same rows judge a real Druid 33
 * and this server; where they differ, the ledger says so.
 */
public final class PermissionMatrix {
  private static final String AUTHN = "/druid-ext/basic-security/authentication/db/basic";
  private static final String AUTHZ = "/druid-ext/basic-security/authorization/db/basic";
  private static final String API = "/druid/indexer/v1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI target;
  private final String adminPassword;
  private final boolean onDruid;
  private final Duration taskTimeout;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** What one persona got for one row. */
  public record Cell(String row, Persona persona, int expected, int actual, String problem) {
    public boolean passed() {
      return problem == null;
    }

    @Override
    public String toString() {
      return row + " as " + persona + ": expected " + expected + ", got " + actual + (problem == null ? "" : " (" + problem + ")");
    }
  }

  /** {@code onDruid}: judge by Druid's answers (else by this server's, where the ledger says they differ). */
  public PermissionMatrix(URI target, String adminPassword, boolean onDruid, Duration taskTimeout) {
    this.target = target;
    this.adminPassword = adminPassword;
    this.onDruid = onDruid;
    this.taskTimeout = taskTimeout;
  }

  public List<Cell> run() throws IOException, InterruptedException {
    for (Persona p : List.of(Persona.READER_A, Persona.WRITER_A, Persona.READER_B, Persona.STATE_READER)) {
      setUp(p);
    }
    String run = UUID.randomUUID().toString().substring(0, 8);
    String taskA = submitted("noop_matrix_A_" + run, "A", 1);
    String taskB = submitted("noop_matrix_B_" + run, "B", 1);
    String runningA = submitted("noop_matrix_A_running_" + run, "A", 600_000);
    awaitStatus(taskA, "SUCCESS");
    awaitStatus(taskB, "SUCCESS");
    List<Cell> cells = new ArrayList<>();
    try {
      for (MatrixRow row : MatrixRows.all()) {
        for (Map.Entry<Persona, Integer> e : row.druidStatus().entrySet()) {
          Persona p = e.getKey();
          String path = row.path().replace("{A}", taskA).replace("{B}", taskB).replace("{runningA}", runningA);
          String body = row.body() == null ? null : row.body().replace("{A}", taskA).replace("{B}", taskB)
              .replace("{run}", run + p.ordinal());
          HttpResponse<String> r = send(p, row.method(), path, body);
          // the lists of complete tasks must show the matrix's own (the others have none of them)
          boolean listsComplete = path.startsWith(API + "/tasks") || path.startsWith(API + "/completeTasks");
          cells.add(judge(row, p, r, listsComplete ? Set.of(taskA, taskB) : Set.of()));
        }
      }
    } finally {
      send(Persona.ADMIN, "POST", API + "/task/" + runningA + "/shutdown", null);
    }
    return cells;
  }

  private Cell judge(MatrixRow row, Persona p, HttpResponse<String> r, Set<String> ownTasks) {
    int expected = row.expected(p, onDruid);
    String problem = null;
    if (r.statusCode() != expected) {
      problem = "body: " + abbreviate(r.body());
    } else if (r.statusCode() >= 400 && r.statusCode() != 404 && (!onDruid || row.druidRefusalIsJson() && !refusedLogin(p, r))
        && !r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
      problem = "the refusal is not JSON: " + r.headers().firstValue("Content-Type").orElse("no Content-Type");
    } else if (r.statusCode() == 401 && p == Persona.ANONYMOUS
        && !r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic")) {
      problem = "no Basic challenge";
    } else if (r.statusCode() == 200 && row.visible().containsKey(p)) {
      problem = visibility(r, row.visible().get(p), ownTasks);
    }
    return new Cell(row.name(), p, expected, r.statusCode(), problem);
  }

  /** Druid answers refused credentials with its servlet container's HTML page ({@link MatrixRows#REFUSED_LOGIN}). */
  private static boolean refusedLogin(Persona p, HttpResponse<String> r) {
    return r.statusCode() == 401 && (p == Persona.WRONG_PASSWORD || p == Persona.UNKNOWN_USER);
  }

  /** The answer holds only tasks of {@code allowed} data sources, and each of the matrix's own among them. */
  private static String visibility(HttpResponse<String> r, Set<String> allowed, Set<String> ownTasks) {
    Set<String> seen = new TreeSet<>();
    Set<String> ids = new TreeSet<>();
    try {
      for (JsonNode t : JSON.readTree(r.body())) {
        seen.add(t.path("dataSource").asText());
        ids.add(t.path("id").asText());
      }
    } catch (IOException e) {
      return "not a JSON list: " + abbreviate(r.body());
    }
    if (!allowed.containsAll(seen)) {
      return "shows data sources " + seen + ", may show only " + allowed;
    }
    for (String own : ownTasks) {
      if (allowed.contains(own.contains("_A_") ? "A" : "B") && !ids.contains(own)) {
        return "does not show " + own;
      }
    }
    return null;
  }

  private void setUp(Persona p) throws IOException, InterruptedException {
    String role = p.user + "Role";
    for (String path : List.of(AUTHN + "/users/" + p.user, AUTHZ + "/users/" + p.user, AUTHZ + "/roles/" + role)) {
      HttpResponse<String> r = send(Persona.ADMIN, "POST", path, null);
      if (r.statusCode() != 200 && !r.body().contains("already exists")) {
        throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
      }
    }
    admin("POST", AUTHN + "/users/" + p.user + "/credentials", "{\"password\":\"" + p.password + "\"}");
    admin("POST", AUTHZ + "/roles/" + role + "/permissions", Persona.permissionsOf(p));
    HttpResponse<String> assigned = send(Persona.ADMIN, "POST", AUTHZ + "/users/" + p.user + "/roles/" + role, null);
    if (assigned.statusCode() != 200 && !assigned.body().contains("already has role")) {
      throw new IllegalStateException("assigning " + role + " answered " + assigned.statusCode() + ": " + assigned.body());
    }
  }

  private String submitted(String id, String dataSource, long runTime) throws IOException, InterruptedException {
    admin("POST", API + "/task", "{\"type\":\"noop\",\"id\":\"" + id + "\",\"dataSource\":\"" + dataSource
        + "\",\"runTime\":" + runTime + "}");
    return id;
  }

  private void awaitStatus(String id, String status) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(taskTimeout);
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> r = send(Persona.ADMIN, "GET", API + "/task/" + id + "/status", null);
      if (r.statusCode() == 200 && JSON.readTree(r.body()).at("/status/status").asText().equals(status)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("task " + id + " was not " + status + " within " + taskTimeout);
  }

  private void admin(String method, String path, String body) throws IOException, InterruptedException {
    HttpResponse<String> r = send(Persona.ADMIN, method, path, body);
    if (r.statusCode() != 200) {
      throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
    }
  }

  private HttpResponse<String> send(Persona p, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(target.resolve(path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        // JSON first (Druid 33 cannot write a bodiless segment update to */*), anything for the logs
        .header("Accept", "application/json, */*;q=0.5");
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    String authorization = p.authorization(adminPassword);
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
