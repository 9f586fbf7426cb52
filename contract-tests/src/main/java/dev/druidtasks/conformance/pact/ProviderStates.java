package dev.druidtasks.conformance.pact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.druidtasks.conformance.http.TasksClient;
import dev.druidtasks.conformance.state.SuiteState;
import dev.druidtasks.conformance.state.SuiteState.SampleKind;
import dev.druidtasks.conformance.state.TaskDriver;
import dev.druidtasks.fixtures.DocSample;
import dev.druidtasks.fixtures.PathSegments;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the provider states of the suite's Pact contracts true on a target, through the API only,
 * for a provider verification: {@code ProviderStates.setUp(state, target)} before an interaction,
 * {@code ProviderStates.tearDown(target)} after it. The returned map holds the values the
 * interaction's path takes from the state ({@code taskId}, percent-encoded as a path segment): the
 * sample's own id when it can serve, else a fresh one (an id can exist once per target).
 */
public final class ProviderStates {
  private static final Map<URI, ProviderStates> BY_TARGET = new ConcurrentHashMap<>();

  private static final Pattern TASK_RUNNING = Pattern.compile("task (.+) is running");
  private static final Pattern TASK_COMPLETE = Pattern.compile("task (.+) is complete");
  private static final Pattern TASK_INGESTED = Pattern.compile("task (.+) is a complete ingestion task");
  private static final Pattern TASKS_COMPLETE = Pattern.compile("tasks (.+) and (.+) are complete");
  private static final Pattern DATASOURCE_RUNNING = Pattern.compile("datasource (.+) has a running task");
  private static final Pattern DATASOURCE_IDLE = Pattern.compile("datasource (.+) has no active task");
  private static final String NOTHING = "no particular state";
  private static final String INPUT_READABLE = "the target can read the sample's quickstart input";

  private final TasksClient client;
  private final Duration timeout;
  private SuiteState state;
  private TaskDriver driver;

  public ProviderStates(URI target, String user, String password, Duration timeout) {
    this.client = new TasksClient(target, user, password, Duration.ofSeconds(30));
    this.timeout = timeout;
    fresh();
  }

  /** A new state (and a driver that registers its tasks there): nothing shared with earlier interactions. */
  private void fresh() {
    state = new SuiteState(timeout);
    driver = new TaskDriver(client::send, state, timeout);
  }

  /** Sets up {@code state} on {@code target} (no auth, 60 s waits); returns the values the interaction uses. */
  public static Map<String, Object> setUp(String state, URI target) {
    return BY_TARGET.computeIfAbsent(target, t -> new ProviderStates(t, null, null, Duration.ofSeconds(60)))
        .setUp(state);
  }

  /** Shuts down the tasks the set-ups on {@code target} started, so the next interaction has free slots. */
  public static void tearDown(URI target) {
    ProviderStates p = BY_TARGET.get(target);
    if (p != null) {
      p.tearDown();
    }
  }

  /** The provider state of a documented sample's interaction. */
  public static String stateOf(DocSample sample) {
    Map<String, String> params = sample.request().pathParams();
    return switch (sample.folder()) {
      case "get-complete-tasks" -> "complete tasks exist";
      case "get-running-tasks" -> "a task is running";
      case "get-waiting-tasks" -> "a task is waiting";
      case "get-pending-tasks" -> "a task is pending";
      case "get-task-payload", "get-task-segments", "get-task-reports" ->
          "task " + params.get("taskId") + " is a complete ingestion task";
      case "get-task-status", "shutdown-task" -> "task " + params.get("taskId") + " is running";
      case "get-task-log" -> "task " + params.get("taskId") + " is complete";
      case "submit-task" -> INPUT_READABLE;
      case "shutdown-all-tasks" -> "datasource " + params.get("dataSource") + " has a running task";
      case "get-task-statuses" -> {
        List<String> ids = new java.util.ArrayList<>();
        sample.request().body().forEach(n -> ids.add(n.asText()));
        yield "tasks " + ids.get(0) + " and " + ids.get(1) + " are complete";
      }
      case "delete-pending-segments" -> "datasource " + params.get("dataSource") + " has no active task";
      default -> NOTHING;
    };
  }

  /** Whether {@link #setUp(String)} knows the state. */
  public static boolean knows(String state) {
    return state.equals(NOTHING) || state.equals(INPUT_READABLE)
        || List.of("complete tasks exist", "a task is running", "a task is waiting", "a task is pending").contains(state)
        || Pattern.compile("^(" + String.join("|", TASK_INGESTED.pattern(), TASK_RUNNING.pattern(),
            TASK_COMPLETE.pattern(), TASKS_COMPLETE.pattern(), DATASOURCE_RUNNING.pattern(),
            DATASOURCE_IDLE.pattern()) + ")$").matcher(state).matches();
  }

  public synchronized Map<String, Object> setUp(String providerState) {
    Matcher m;
    if (providerState.equals(NOTHING) || providerState.equals(INPUT_READABLE)) {
      // The quickstart input is a file on the target's side: nothing the API can make.
      return Map.of();
    }
    if (providerState.equals("complete tasks exist")) {
      return Map.of("taskId", PathSegments.encode(state.completed(driver).ids().get(1)));
    }
    if (providerState.equals("a task is running")) {
      String id = driver.submitNoop(state.ids().task("running"), state.ids().dataSource("running"), state.longRunMs());
      driver.awaitRunner(id, "RUNNING");
      return Map.of("taskId", PathSegments.encode(id));
    }
    if (providerState.equals("a task is pending")) {
      return Map.of("taskId", PathSegments.encode(state.saturation(driver).pending()));
    }
    if (providerState.equals("a task is waiting")) {
      return Map.of("taskId", PathSegments.encode(state.waiting(driver).waiter()));
    }
    if ((m = TASK_INGESTED.matcher(providerState)).matches()) {
      state.sampleTask(driver, m.group(1), null, SampleKind.COMPLETE_INGESTION);
      return Map.of("taskId", PathSegments.encode(m.group(1)));
    }
    if ((m = TASK_RUNNING.matcher(providerState)).matches()) {
      String id = m.group(1);
      var existing = driver.find(id);
      if (existing.isPresent() && !existing.get().active()) {
        id = state.ids().task("instead-of-" + id.replaceAll("[^A-Za-z0-9_-]", "_"));
      }
      state.sampleTask(driver, id, "wikipedia_api", SampleKind.RUNNING_NOOP);
      return Map.of("taskId", PathSegments.encode(id));
    }
    if ((m = TASK_COMPLETE.matcher(providerState)).matches()) {
      state.sampleTask(driver, m.group(1), "social_media", SampleKind.COMPLETE_NOOP);
      return Map.of("taskId", PathSegments.encode(m.group(1)));
    }
    if ((m = TASKS_COMPLETE.matcher(providerState)).matches()) {
      for (String id : List.of(m.group(1), m.group(2))) {
        state.sampleTask(driver, id, "wikipedia_auto", SampleKind.COMPLETE_NOOP);
      }
      return Map.of("taskIds", List.of(m.group(1), m.group(2)));
    }
    if ((m = DATASOURCE_RUNNING.matcher(providerState)).matches()) {
      String id = driver.submitNoop(state.ids().task("running"), m.group(1), state.longRunMs());
      return Map.of("dataSource", m.group(1), "taskId", PathSegments.encode(id));
    }
    if ((m = DATASOURCE_IDLE.matcher(providerState)).matches()) {
      for (JsonNode t : driver.list("/tasks", Map.of("datasource", m.group(1)))) {
        if (t.path("statusCode").asText().equals("RUNNING") && state.createdIds().contains(t.path("id").asText())) {
          driver.shutdown(t.path("id").asText());
          driver.awaitComplete(t.path("id").asText());
        }
      }
      return Map.of("dataSource", m.group(1));
    }
    throw new IllegalArgumentException("unknown provider state '" + providerState + "'");
  }

  public synchronized void tearDown() {
    state.cleanUp(driver);
    for (String id : state.createdIds()) {
      var v = driver.find(id);
      if (v.isPresent() && v.get().active()) {
        driver.awaitComplete(id);
      }
    }
    fresh();
  }
}
