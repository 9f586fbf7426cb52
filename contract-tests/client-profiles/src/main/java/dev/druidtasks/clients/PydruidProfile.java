package dev.druidtasks.clients;

import static dev.druidtasks.clients.ProfileCheck.require;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.druid.java.util.common.Intervals;

/**
 * pydruid's task client ({@code pydruid.druidapi.tasks.TaskClient} over its {@code DruidRestClient}): JSON bodies
 * as {@code requests.post(json=…)} writes them, query strings from {@code params=}, shutdowns posted with the
 * JSON body {@code ""} ({@code json=''}), and errors read as its {@code check_error} reads them.
 */
final class PydruidProfile implements ClientProfile {
  private static final String BASE = "/druid/indexer/v1";

  private final ProfileContext ctx;
  private final ProfileRun run;
  private final HttpReplay http;
  private final String ds;
  private String noopId;

  PydruidProfile(ProfileContext ctx) {
    this.ctx = ctx;
    this.run = ctx.run();
    this.http = new HttpReplay(ctx.target(), PythonRequests.HEADERS, ctx.timeout());
    this.ds = ctx.dataSource() + "_pydruid";
  }

  @Override
  public String name() {
    return "pydruid";
  }

  @Override
  public void run() {
    run.call("submit_task({type: noop, …}) then task_status(id) until it ends", "POST /druid/indexer/v1/task", () -> {
      noopId = submit(Map.of("type", "noop", "dataSource", ds, "runTime", 100));
      JsonNode status = awaitEnd(noopId);
      require(status.path("status").asText().equals("SUCCESS"), "ended " + status);
      return noopId + " SUCCESS";
    });
    Map<String, Map<String, Object>> lists = new LinkedHashMap<>();
    lists.put("tasks(table=ds)", params(null, ds, null, null, null));
    lists.put("tasks(state='complete', table=ds, max=5)", params("complete", ds, null, 5, null));
    lists.put("tasks(table=ds, task_type='noop')", params(null, ds, "noop", null, null));
    lists.put("tasks(table=ds, created_time_interval='2000-01-01T00:00:00Z/2100-01-01T00:00:00Z')",
        params(null, ds, null, null, "2000-01-01T00:00:00Z/2100-01-01T00:00:00Z"));
    lists.forEach((call, params) -> run.call(call, "GET /druid/indexer/v1/tasks" + PythonRequests.query(params), () -> {
      var answer = http.get(BASE + "/tasks" + PythonRequests.query(params));
      require(answer.status() == 200, "answered " + answer.status() + " " + answer.body());
      JsonNode list = answer.json();
      require(list.isArray() && list.size() == 1 && list.get(0).path("id").asText().equals(noopId), "listed " + list);
      return list.size() + " task(s)";
    }));
    run.call("tasks(state='running', table=ds)", "GET /druid/indexer/v1/tasks?state=running&datasource=ds", () -> {
      var answer = http.get(BASE + "/tasks" + PythonRequests.query(params("running", ds, null, null, null)));
      require(answer.status() == 200 && answer.json().isArray() && answer.json().isEmpty(), "got " + answer.body());
      return "none";
    });
    run.call("task(id)", "GET /druid/indexer/v1/task/{id}", () -> {
      JsonNode payload = getJson(BASE + "/task/" + PythonRequests.quotePlus(noopId));
      require(payload.path("task").asText().equals(noopId) && payload.path("payload").path("type").asText().equals("noop"),
          "got " + payload);
      return "payload of type " + payload.path("payload").path("type").asText();
    });
    run.call("task_reports(noop id, require_ok=False)", "GET /druid/indexer/v1/task/{id}/reports", () -> {
      var answer = http.get(BASE + "/task/" + noopId + "/reports");
      String message = answer.status() == 200 ? "a report" : "Request return code:" + answer.status();
      require(message.equals("Request return code:404"), "got " + message + ": " + answer.body());
      return "{\"message\": \"" + message + "\"}";
    });
    run.call("task_status(unknown id) raises", "GET /druid/indexer/v1/task/{id}/status", () -> {
      var answer = http.get(BASE + "/task/no_such_task_" + ds + "/status");
      require(answer.status() == 404, "answered " + answer.status() + " " + answer.body());
      return "HTTP 404: " + answer.body();
    });
    run.call("submit_task(index_parallel) then task_reports(id)", "GET /druid/indexer/v1/task/{id}/reports", () -> {
      String id = submit(IngestionPayload.inlineDayWithoutId(ds, Intervals.of("2024-03-01/2024-03-02")));
      JsonNode status = awaitEnd(id);
      require(status.path("status").asText().equals("SUCCESS"), "ended " + status);
      JsonNode reports = getJson(BASE + "/task/" + id + "/reports");
      JsonNode stats = reports.path("ingestionStatsAndErrors").path("payload").path("rowStats").path("buildSegments");
      require(stats.path("processed").asInt() == 3, "reports " + reports);
      return "buildSegments " + stats;
    });
  }

  @Override
  public void finish() {
    run.call("shut_down_task(id of a running noop)", "POST /druid/indexer/v1/task/{id}/shutdown with body \"\"", () -> {
      String id = submit(Map.of("type", "noop", "dataSource", ds, "runTime", 600_000));
      long deadline = System.nanoTime() + ctx.timeout().toNanos();
      while (!getJson(BASE + "/task/" + id + "/status").path("status").path("runnerStatusCode").asText().equals("RUNNING")) {
        require(System.nanoTime() < deadline, "never ran");
        Thread.sleep(200);
      }
      JsonNode answer = postJsonEmptyString(BASE + "/task/" + id + "/shutdown");
      require(answer.path("task").asText().equals(id), "answered " + answer);
      JsonNode status = awaitEnd(id);
      require(status.path("status").asText().equals("FAILED"), "ended " + status);
      return "FAILED: " + status.path("errorMsg").asText();
    });
    run.quirk("shut_down_tasks_for(table)", "POST /druid/indexer/v1/datasources/{ds}/shutdownAllTasks with body \"\"", () -> {
      String table = ds + "_all";
      String id = submit(Map.of("type", "noop", "dataSource", table, "runTime", 600_000));
      JsonNode answer = postJsonEmptyString(BASE + "/datasources/" + table + "/shutdownAllTasks");
      require(answer.path("dataSource").asText().equals(table), "answered " + answer);
      JsonNode status = awaitEnd(id);
      require(status.path("status").asText().equals("FAILED"), "ended " + status);
      return answer + ", then " + id + " FAILED";
    }, t -> t instanceof AssertionError && String.valueOf(t.getMessage()).startsWith("HTTPError 404"),
        "Druid 33 answers 404 to shutdownAllTasks even with active tasks, and stops none of them");
  }

  private String submit(Map<String, Object> payload) throws Exception {
    var answer = http.post(BASE + "/task", "application/json", PythonJson.dumps(payload));
    checkError(answer);
    return answer.json().get("task").asText();
  }

  private JsonNode getJson(String path) throws Exception {
    var answer = http.get(path);
    checkError(answer);
    return answer.json();
  }

  /** {@code post_json(req, body='')}: {@code requests.post(json='')} sends the two bytes {@code ""}. */
  private JsonNode postJsonEmptyString(String path) throws Exception {
    var answer = http.post(path, "application/json", PythonJson.dumps(""));
    checkError(answer);
    return answer.json();
  }

  private JsonNode awaitEnd(String id) throws Exception {
    long deadline = System.nanoTime() + ctx.timeout().toNanos();
    while (true) {
      JsonNode status = getJson(BASE + "/task/" + id + "/status").path("status");
      String s = status.path("status").asText();
      if (!s.equals("RUNNING") || System.nanoTime() > deadline) {
        return status;
      }
      Thread.sleep(200);
    }
  }

  /** pydruid's {@code check_error}: 200 and 202 pass; else Druid's {@code errorMessage} or {@code error}, else HTTPError. */
  private static void checkError(HttpReplay.Answer answer) {
    if (answer.status() == 200 || answer.status() == 202) {
      return;
    }
    String message;
    try {
      JsonNode json = answer.json();
      message = json.hasNonNull("errorMessage") ? json.get("errorMessage").asText() : json.path("error").asText();
    } catch (Exception notJson) {
      message = "";
    }
    throw new AssertionError((message.isEmpty() ? "HTTPError " : "ClientError ") + answer.status() + ": "
        + (message.isEmpty() ? answer.body() : message));
  }

  private static Map<String, Object> params(String state, String table, String type, Integer max, String interval) {
    Map<String, Object> p = new LinkedHashMap<>();
    if (state != null) {
      p.put("state", state);
    }
    if (table != null) {
      p.put("datasource", table);
    }
    if (type != null) {
      p.put("type", type);
    }
    if (max != null) {
      p.put("max", max);
    }
    if (interval != null) {
      p.put("createdTimeInterval", interval);
    }
    return p;
  }
}
