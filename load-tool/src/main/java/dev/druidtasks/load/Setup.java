package dev.druidtasks.load;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Before the measured run: picks the data source to list, finds complete tasks already stored and
 * submits the tasks to poll, all within the setup's own time limit.
 */
final class Setup {
  /** The data source of the tool's own noop tasks. */
  static final String OWN_DATA_SOURCE = "load-tool";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LoadPlan plan;
  private final HttpClient http;
  private final TaskApi api;
  private final long deadline;

  Setup(LoadPlan plan, HttpClient http) {
    this.plan = plan;
    this.http = http;
    this.api = new TaskApi(plan.target(), plan.requestTimeout());
    this.deadline = System.nanoTime() + plan.setupTimeout().toNanos();
  }

  /** A fresh prefix for this run's task ids, so that runs never collide. */
  static String newRunId() {
    return "load-" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
        + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
  }

  Fixture prepare(Map<Operation, Integer> weights) {
    String runId = newRunId();
    boolean needsIds = weights.keySet().stream().anyMatch(Operation::needsIds);
    List<StoredTask> stored = needsIds ? complete(plan.bulkIds())
        : weights.containsKey(Operation.COMPLETE_OF_DATASOURCE) && plan.dataSource() == null ? complete(1) : List.of();
    String dataSource = plan.dataSource() != null ? plan.dataSource()
        : stored.isEmpty() ? OWN_DATA_SOURCE : stored.get(0).dataSource();

    Set<String> known = new LinkedHashSet<>();
    int created = 0;
    if (needsIds) {
      for (int i = 0; i < plan.setupTasks(); i++) {
        known.add(submit(runId + "-setup-" + i));
        created++;
      }
      stored.forEach(t -> known.add(t.id()));
      if (known.isEmpty()) {
        throw new SetupException("no task to poll: the target stores none and --setup-tasks is 0");
      }
    }
    List<String> pollIds = List.copyOf(known);
    List<String> bulk = new ArrayList<>(pollIds.subList(0, Math.min(pollIds.size(), plan.bulkIds())));
    for (int i = 0; bulk.size() < plan.bulkIds() && needsIds; i++) {
      bulk.add(runId + "-absent-" + i); // ids nobody stored: the request still carries N of them
    }
    return new Fixture(api, runId, OWN_DATA_SOURCE, plan.runTimeMs(), pollIds, List.copyOf(bulk), dataSource,
        created);
  }

  private String submit(String id) {
    HttpResponse<String> r = send(api.submitNoop(id, OWN_DATA_SOURCE, plan.runTimeMs()));
    if (r.statusCode() != 200) {
      throw new SetupException("setup task " + id + " was refused: " + r.statusCode() + " " + excerpt(r.body()));
    }
    return read(r, SubmitAnswer.class).task();
  }

  private List<StoredTask> complete(int max) {
    HttpResponse<String> r = send(api.get("/completeTasks?max=" + Math.max(1, max)));
    if (r.statusCode() != 200) {
      throw new SetupException("GET /completeTasks answered " + r.statusCode() + " " + excerpt(r.body()));
    }
    return List.of(read(r, StoredTask[].class));
  }

  private HttpResponse<String> send(HttpRequest request) {
    if (System.nanoTime() > deadline) {
      throw new SetupException("setup took longer than --setup-timeout " + plan.setupTimeout().toSeconds() + " s");
    }
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SetupException(request.method() + " " + request.uri() + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SetupException("interrupted during setup");
    }
  }

  private static <T> T read(HttpResponse<String> r, Class<T> type) {
    try {
      return JSON.readValue(r.body(), type);
    } catch (IOException e) {
      throw new SetupException(r.request().uri() + " did not answer JSON of the API: " + excerpt(r.body()));
    }
  }

  private static String excerpt(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record SubmitAnswer(String task) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record StoredTask(String id, String dataSource) {}

  /** The target could not be prepared; the run does not start. */
  static final class SetupException extends RuntimeException {
    SetupException(String message) {
      super(message);
    }
  }
}
