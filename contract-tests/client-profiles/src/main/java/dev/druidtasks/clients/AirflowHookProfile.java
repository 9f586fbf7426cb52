package dev.druidtasks.clients;

import static dev.druidtasks.clients.ProfileCheck.require;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.druid.java.util.common.Intervals;
import org.joda.time.Interval;

/**
 * Airflow's Druid provider ({@code DruidHook.submit_indexing_job}, as {@code DruidOperator} calls it): posts the
 * rendered spec text, reads {@code task}, then polls {@code GET …/task/{id}/status} once a second reading only
 * {@code status.status} (RUNNING: poll on; SUCCESS: done; FAILED: error; anything else: error), and posts a
 * bodiless {@code …/shutdown} once {@code max_ingestion_time} has passed.
 */
final class AirflowHookProfile implements ClientProfile {
  private static final String TASK_URL = "/druid/indexer/v1/task";
  private static final Interval DAY = Intervals.of("2024-02-01/2024-02-02");

  private final ProfileContext ctx;
  private final ProfileRun run;
  private final HttpReplay http;

  AirflowHookProfile(ProfileContext ctx) {
    this.ctx = ctx;
    this.run = ctx.run();
    this.http = new HttpReplay(ctx.target(), PythonRequests.HEADERS, ctx.timeout());
  }

  @Override
  public String name() {
    return "airflow-druid-hook";
  }

  /** How the hook's loop ended. */
  private record Job(String taskId, String ending, List<String> statuses) {}

  @Override
  public void run() {
    run.call("submit_indexing_job(index_parallel spec)", "POST /druid/indexer/v1/task, GET …/status each second", () -> {
      Job job = submitIndexingJob(spec(ctx.dataSource() + "_airflow", rows(), Map.of()), null);
      require(job.ending().equals("SUCCESS"), "the hook ended with " + job.ending() + " after " + job.statuses());
      return job.taskId() + ": " + job.statuses();
    });
    run.call("submit_indexing_job(spec whose rows do not parse, maxParseExceptions 0)",
        "POST /druid/indexer/v1/task, GET …/status each second", () -> {
          Job job = submitIndexingJob(spec(ctx.dataSource() + "_airflow_bad", "not json\nstill not json",
              Map.of("maxParseExceptions", 0)), null);
          require(job.ending().equals("FAILED"), "the hook ended with " + job.ending() + " after " + job.statuses());
          return job.taskId() + ": " + job.statuses() + " (the hook raises: Druid indexing job failed)";
        });
  }

  @Override
  public void finish() {
    run.call("submit_indexing_job(noop of 10 min, max_ingestion_time=2)", "POST …/task, GET …/status, POST …/shutdown",
        () -> {
          Job job = submitIndexingJob(PythonJson.dumpsSortedIndented(Map.of("type", "noop", "runTime", 600_000,
              "dataSource", ctx.dataSource() + "_airflow")), 2);
          require(job.ending().equals("SHUTDOWN SENT"), "the hook ended with " + job.ending());
          var after = http.get(TASK_URL + "/" + job.taskId() + "/status");
          long deadline = System.nanoTime() + ctx.timeout().toNanos();
          while (!after.json().path("status").path("status").asText().equals("FAILED") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            after = http.get(TASK_URL + "/" + job.taskId() + "/status");
          }
          require(after.json().path("status").path("status").asText().equals("FAILED"), "after the shutdown: "
              + after.body());
          return job.taskId() + ": " + job.statuses() + ", then FAILED: "
              + after.json().path("status").path("errorMsg").asText();
        });
  }

  /** The hook's loop, step for step. */
  private Job submitIndexingJob(String specText, Integer maxIngestionTime) throws Exception {
    var submitted = http.post(TASK_URL, "application/json", specText);
    require(submitted.status() >= 200 && submitted.status() < 300,
        "Did not get 200 or 202 when submitting the Druid job: " + submitted.status() + " " + submitted.body());
    String taskId = submitted.json().get("task").asText();
    List<String> statuses = new ArrayList<>();
    int sec = 0;
    long deadline = System.nanoTime() + ctx.timeout().toNanos();
    while (System.nanoTime() < deadline) {
      var status = http.get(TASK_URL + "/" + taskId + "/status");
      if (maxIngestionTime != null && sec > maxIngestionTime) {
        var shutdown = http.post(TASK_URL + "/" + taskId + "/shutdown", null, null);
        require(shutdown.status() == 200, "the shutdown answered " + shutdown.status() + " " + shutdown.body());
        return new Job(taskId, "SHUTDOWN SENT", statuses);
      }
      Thread.sleep(1000);
      sec += 1;
      String s = status.json().get("status").get("status").asText();
      if (statuses.isEmpty() || !statuses.get(statuses.size() - 1).equals(s)) {
        statuses.add(s);
      }
      switch (s) {
        case "RUNNING" -> { }
        case "SUCCESS", "FAILED" -> {
          return new Job(taskId, s, statuses);
        }
        default -> {
          return new Job(taskId, "Could not get status of the job, got " + s, statuses);
        }
      }
    }
    return new Job(taskId, "still polling after " + ctx.timeout().toSeconds() + " s", statuses);
  }

  private static String rows() {
    return String.join("\n",
        "{\"ts\":\"2024-02-01T01:00:00Z\",\"page\":\"a\",\"added\":1}",
        "{\"ts\":\"2024-02-01T02:00:00Z\",\"page\":\"b\",\"added\":2}");
  }

  /** The spec as the operator renders it: {@code json.dumps(spec, sort_keys=True, indent=4, separators=(',', ': '))}. */
  private static String spec(String dataSource, String data, Map<String, Object> tuning) {
    return PythonJson.dumpsSortedIndented(IngestionPayload.inline(dataSource, DAY, data, tuning));
  }
}
