package dev.druidtasks.conformance.security;

import static dev.druidtasks.conformance.security.MatrixRow.of;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of the permission matrix: Druid 33's answers with {@code druid-basic-security}, persona by
 * persona in {@link Persona} order (anonymous, wrong password, unknown user, reader of A, writer of A,
 * reader of B, reader of STATE, admin; 0: not asked). {A} and {B} are complete tasks of those data sources,
 * {runningA} a running one.
 */
public final class MatrixRows {
  private static final String API = "/druid/indexer/v1";
  /** The ledger's name for Druid's answer to refused credentials (an HTML page with no challenge). */
  public static final String REFUSED_LOGIN = "refused-login";

  private MatrixRows() {}

  private static final Map<Persona, Set<String>> READABLE = Map.of(Persona.READER_A, Set.of("A"),
      Persona.WRITER_A, Set.of("A"), Persona.READER_B, Set.of("B"), Persona.STATE_READER, Set.of());

  public static List<MatrixRow> all() {
    String noopA = "{\"type\":\"noop\",\"id\":\"noop_matrix_sub_A_{run}\",\"dataSource\":\"A\",\"runTime\":1}";
    String noopB = "{\"type\":\"noop\",\"id\":\"noop_matrix_sub_B_{run}\",\"dataSource\":\"B\",\"runTime\":1}";
    String day = "?interval=2000-01-01T00:00:00.000Z/2000-01-02T00:00:00.000Z";
    String markUnused = "{\"interval\":\"2000-01-01T00:00:00.000Z/2000-01-02T00:00:00.000Z\"}";
    return List.of(
        of("tasks", "GET", API + "/tasks", null, 401, 401, 401, 200, 200, 200, 200, 200).listing(READABLE),
        of("tasks.datasource-A", "GET", API + "/tasks?datasource=A", null, 401, 401, 401, 200, 200, 403, 403, 200)
            .listing(READABLE).druidRefusesInText(),
        of("tasks.datasource-B", "GET", API + "/tasks?datasource=B", null, 401, 401, 401, 403, 403, 200, 403, 200)
            .listing(READABLE).druidRefusesInText(),
        of("complete-tasks", "GET", API + "/completeTasks", null, 401, 401, 401, 200, 200, 200, 200, 200)
            .listing(READABLE),
        of("running-tasks", "GET", API + "/runningTasks", null, 401, 401, 401, 200, 200, 200, 200, 200)
            .listing(READABLE),
        of("pending-tasks", "GET", API + "/pendingTasks", null, 401, 401, 401, 200, 200, 200, 200, 200)
            .listing(READABLE),
        of("waiting-tasks", "GET", API + "/waitingTasks", null, 401, 401, 401, 200, 200, 200, 200, 200)
            .listing(READABLE),
        of("task.payload", "GET", API + "/task/{A}", null, 401, 401, 401, 200, 200, 403, 403, 200),
        of("task.status", "GET", API + "/task/{B}/status", null, 401, 401, 401, 403, 403, 200, 403, 200),
        of("task.log", "GET", API + "/task/{A}/log", null, 401, 401, 401, 200, 200, 403, 403, 200),
        of("task.reports", "GET", API + "/task/{A}/reports", null, 401, 401, 401, 404, 404, 403, 403, 404),
        of("task.unknown", "GET", API + "/task/no_such_task_matrix", null, 401, 401, 401, 404, 404, 404, 404, 404),
        of("task.unknown.status", "GET", API + "/task/no_such_task_matrix/status", null,
            401, 401, 401, 404, 404, 404, 404, 404),
        of("task-status.bulk", "POST", API + "/taskStatus", "[\"{A}\",\"{B}\"]", 401, 401, 401, 403, 403, 403, 403, 200),
        of("leader", "GET", API + "/leader", null, 401, 401, 401, 403, 403, 403, 200, 200),
        of("is-leader", "GET", API + "/isLeader", null, 200, 200, 200, 200, 200, 200, 200, 200),
        of("workers", "GET", API + "/workers", null, 401, 401, 401, 403, 403, 403, 200, 200),
        of("total-worker-capacity", "GET", API + "/totalWorkerCapacity", null, 401, 401, 401, 403, 403, 403, 403, 200),
        of("compaction.supervisor-enabled", "GET", API + "/compaction/isSupervisorEnabled", null,
            401, 401, 401, 403, 403, 403, 403, 200),
        of("supervisors", "GET", API + "/supervisor", null, 401, 401, 401, 200, 200, 200, 200, 200),
        of("locked-intervals", "POST", API + "/lockedIntervals/v2", "[{\"datasource\":\"A\",\"priority\":0}]",
            401, 401, 401, 403, 403, 403, 403, 200),
        of("status", "GET", "/status", null, 401, 401, 401, 403, 403, 403, 200, 200),
        of("health", "GET", "/status/health", null, 200, 200, 200, 200, 200, 200, 200, 200),
        of("submit.A", "POST", API + "/task", noopA, 401, 401, 401, 403, 200, 403, 403, 200),
        of("submit.B", "POST", API + "/task", noopB, 401, 401, 401, 403, 403, 403, 403, 200),
        of("shutdown.running.refused", "POST", API + "/task/{runningA}/shutdown", null, 401, 401, 401, 403, 0, 403, 403, 0),
        of("shutdown.running", "POST", API + "/task/{runningA}/shutdown", null, 0, 0, 0, 0, 200, 0, 0, 0),
        of("shutdown.unknown", "POST", API + "/task/no_such_task_matrix/shutdown", null,
            401, 401, 401, 404, 404, 404, 404, 404),
        of("pending-segments.A", "DELETE", API + "/pendingSegments/A" + day, null, 401, 401, 401, 403, 200, 403, 403, 200),
        of("pending-segments.B", "DELETE", API + "/pendingSegments/B" + day, null, 401, 401, 401, 403, 403, 403, 403, 200),
        of("mark-unused.A", "POST", API + "/datasources/A/markUnused", markUnused, 401, 401, 401, 403, 200, 403, 403, 200),
        of("mark-unused.B", "POST", API + "/datasources/B/markUnused", markUnused, 401, 401, 401, 403, 403, 403, 403, 200),
        of("admin-api.users", "GET", "/druid-ext/basic-security/authentication/db/basic/users", null,
            401, 401, 401, 403, 403, 403, 403, 200).druidRefusesInText(),
        of("unknown-endpoint", "GET", API + "/no-such-endpoint", null, 401, 401, 401, 404, 404, 404, 404, 404));
  }
}
