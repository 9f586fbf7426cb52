package dev.druidtasks.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.druidtasks.server.store.ControlDao;
import dev.druidtasks.server.store.TaskRecord;
import dev.druidtasks.server.task.Directories;
import dev.druidtasks.server.task.ErrorMessages;
import dev.druidtasks.server.task.InvalidField;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.simulated.SimulationControl;
import dev.druidtasks.server.task.simulated.SimulationRule;
import dev.druidtasks.server.task.Timestamps;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.joda.time.Period;
import org.joda.time.format.ISOPeriodFormat;

/**
 * The control API, for tests that drive this server: reset every task's traces, hold tasks WAITING or
 * PENDING, end a task now, outcome rules for simulated tasks, a clock to move forward, what was submitted.
 */
@Path("/druid-tasks/v1/control")
@Produces(MediaType.APPLICATION_JSON)
public final class ControlResource {
  /** How long a reset lets running tasks stop before it wipes their rows anyway. */
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  /** How long a forced outcome of a running simulated task may take to be recorded. */
  private static final Duration FORCE_TIMEOUT = Duration.ofSeconds(5);
  private static final int MAX_SUBMITTED = 10_000;

  private final ControlTargets on;
  private final List<Runnable> onReset = new CopyOnWriteArrayList<>();

  public ControlResource(ControlTargets on) {
    this.on = on;
  }

  /** Also forgets what {@code forget} keeps of tasks in this process (caches) at each reset. */
  void onReset(Runnable forget) {
    onReset.add(forget);
  }

  /** Whether scheduling and the worker are held, the clock, the rules in force. */
  public record ControlState(boolean schedulingPaused, boolean workerPaused, String now, long clockOffsetMs,
      List<SimulationRule> rules) { }

  public record ResetDone(int stoppedTasks, long tookMs) { }

  public record AdvanceRequest(String by) { }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record OutcomeRequest(String status, String errorMsg) { }

  public record OutcomeSet(String task, String status, String errorMsg) { }

  @GET
  public ControlState controlState() {
    return new ControlState(on.scheduler().paused(), on.worker().paused(), Timestamps.format(on.clock().instant()),
        on.clock().offset().toMillis(), on.simulations().rules());
  }

  /**
   * Back to an empty server in milliseconds: running tasks are stopped, then every task, lock, log,
   * report, segment (rows and files), pending segment and audit line goes in one transaction; rules,
   * the clock's offset and the pauses go too.
   */
  @POST
  @Path("/reset")
  public ResetDone reset() throws InterruptedException {
    long started = System.nanoTime();
    on.scheduler().pause(true);
    on.worker().pause(true);
    try {
      int stopped = on.worker().stopAllRunning(STOP_TIMEOUT);
      on.dao().wipeTaskState();
      clearDeepStorage();
      on.simulations().reset();
      on.clock().reset();
      onReset.forEach(Runnable::run);
      return new ResetDone(stopped, (System.nanoTime() - started) / 1_000_000);
    } finally {
      on.scheduler().pause(false);
      on.worker().pause(false);
    }
  }

  private void clearDeepStorage() {
    try {
      if (Files.isDirectory(on.deepStorage())) {
        try (var children = Files.list(on.deepStorage())) {
          for (java.nio.file.Path p : children.toList()) {
            Directories.delete(p);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not clear the segment files of " + on.deepStorage(), e);
    }
  }

  @POST
  @Path("/scheduling/pause")
  public ControlState pauseScheduling() {
    on.scheduler().pause(true);
    return controlState();
  }

  @POST
  @Path("/scheduling/resume")
  public ControlState resumeScheduling() {
    on.scheduler().pause(false);
    return controlState();
  }

  @POST
  @Path("/worker/pause")
  public ControlState pauseWorker() {
    on.worker().pause(true);
    return controlState();
  }

  @POST
  @Path("/worker/resume")
  public ControlState resumeWorker() {
    on.worker().pause(false);
    return controlState();
  }

  /**
   * Moves the task clock forward by an ISO-8601 period such as {@code PT1H}, {@code P1D} or {@code P1M}
   * (Druid's periods, months and years of the calendar), never past the last instant this server stores.
   */
  @POST
  @Path("/clock/advance")
  @Consumes(MediaType.APPLICATION_JSON)
  public ControlState advanceClock(AdvanceRequest body) {
    if (body == null || body.by() == null) {
      throw ApiException.invalidInput("Missing required field [by]: an ISO-8601 duration such as PT1H or P1D");
    }
    Instant now = Instant.ofEpochMilli(on.clock().instant().toEpochMilli()); // Joda's resolution: no part lost
    Period period;
    try {
      period = ISOPeriodFormat.standard().parsePeriod(body.by());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidInput("Invalid value for field [by]: [" + body.by()
          + "] is not an ISO-8601 duration such as PT1H or P1D");
    }
    Instant target;
    try {
      target = Instant.ofEpochMilli(new DateTime(now.toEpochMilli(), DateTimeZone.UTC).plus(period).getMillis());
    } catch (ArithmeticException | IllegalArgumentException e) { // beyond what a date can hold
      throw tooFar(body.by());
    }
    if (target.isBefore(now)) {
      throw ApiException.invalidInput("Invalid value for field [by]: the clock only moves forward, got " + body.by());
    }
    if (target.isAfter(Interval.ETERNITY.end())) {
      throw tooFar(body.by());
    }
    Duration by = Duration.between(now, target);
    on.clock().advance(by);
    on.scheduler().wake();
    return controlState();
  }

  private static ApiException tooFar(String by) {
    return ApiException.invalidInput("Invalid value for field [by]: [" + by + "] would move the clock past "
        + Timestamps.format(Interval.ETERNITY.end()) + ", the last time this server stores");
  }

  @GET
  @Path("/rules")
  public List<SimulationRule> getSimulationRules() {
    return on.simulations().rules();
  }

  /** Adds a rule after those in force (the first that matches a task decides); answers them all. */
  @POST
  @Path("/rules")
  @Consumes(MediaType.APPLICATION_JSON)
  public List<SimulationRule> addSimulationRule(Map<String, Object> body) {
    try {
      on.simulations().addRule(SimulationRule.bind(body));
    } catch (InvalidField e) {
      throw ApiException.invalidInput(e.at(""));
    }
    return on.simulations().rules();
  }

  @DELETE
  @Path("/rules")
  public List<SimulationRule> clearSimulationRules() {
    on.simulations().clearRules();
    return on.simulations().rules();
  }

  /**
   * Ends an active task now with {@code status} SUCCESS or FAILED (and {@code errorMsg}): a simulated task
   * running here ends itself at once; any other is recorded so, its locks released, and stopped if it runs here.
   */
  @POST
  @Path("/tasks/{taskId}/outcome")
  @Consumes(MediaType.APPLICATION_JSON)
  public OutcomeSet setTaskOutcome(@PathParam("taskId") String taskId, OutcomeRequest body)
      throws InterruptedException {
    if (body == null || body.status() == null) {
      throw ApiException.invalidInput("Missing required field [status]: SUCCESS or FAILED");
    }
    boolean succeeded = switch (body.status()) {
      case "SUCCESS" -> true;
      case "FAILED" -> false;
      default -> throw ApiException.invalidInput("Invalid value for field [status]: expected SUCCESS or FAILED, got ["
          + body.status() + "]");
    };
    if (succeeded && body.errorMsg() != null) {
      throw ApiException.invalidInput("Field [errorMsg] is only for status FAILED");
    }
    String errorMsg = succeeded ? null : body.errorMsg() == null ? "Failed through the control API" : body.errorMsg();
    TaskRecord task = on.store().taskReads().find(taskId).orElseThrow(() -> ApiException.unknownTask(taskId));
    if (task.state().isComplete()) {
      throw ApiException.invalidInput("Task [" + taskId + "] is already complete: " + task.state());
    }
    boolean endedItself = on.simulations().force(taskId, new SimulationControl.Ending(succeeded, errorMsg))
        && awaitComplete(taskId);
    if (!endedItself) {
      on.dao().endNow(taskId, succeeded, ErrorMessages.truncate(errorMsg), on.clock().instant());
      on.worker().stopLocally(taskId);
      on.scheduler().wake();
    }
    TaskRecord now = on.store().taskReads().find(taskId).orElseThrow(() -> ApiException.unknownTask(taskId));
    return new OutcomeSet(taskId, now.state().toString(), now.errorMsg());
  }

  private boolean awaitComplete(String taskId) throws InterruptedException {
    long deadline = System.nanoTime() + FORCE_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<TaskRecord> t = on.store().taskReads().find(taskId);
      if (t.isEmpty() || t.get().state().isComplete()) {
        return true;
      }
      Thread.sleep(5);
    }
    return false;
  }

  /** What was submitted, oldest first, with the payloads as stored: for a test's assertions. */
  @GET
  @Path("/submitted")
  public List<ControlDao.Submitted> getSubmittedTasks(@QueryParam("type") String type,
      @QueryParam("datasource") String dataSource, @QueryParam("max") String max) {
    int limit = max == null ? MAX_SUBMITTED : (int) TaskListRequest.integer("max", max, "expected a number of tasks");
    if (limit < 0 || limit > MAX_SUBMITTED) {
      throw ApiException.badParameter("max", max, "expected 0 to " + MAX_SUBMITTED);
    }
    return on.dao().submitted(type, dataSource, limit);
  }
}
