package dev.druidtasks.junit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a simulated task (an {@code index_kafka}, a {@code query_controller}, ...) does: it runs for
 * {@code runTimeMs}, writes {@code logLines} and {@code report}, holds {@code lockIntervals}, then ends with
 * {@code outcome}. Put it in a task's context with {@link #asContext()}, or make it a rule with
 * {@link DruidTasksControl#addRule}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Simulation(Long runTimeMs, String outcome, String errorMsg, List<String> logLines,
    Map<String, Object> report, List<String> lockIntervals) {
  /** The task context key the server reads a simulation from. */
  public static final String CONTEXT_KEY = "druidTasks.simulate";

  public static Simulation succeedAfter(Duration runTime) {
    return new Simulation(runTime.toMillis(), "SUCCESS", null, null, null, null);
  }

  public static Simulation failAfter(Duration runTime, String errorMsg) {
    return new Simulation(runTime.toMillis(), "FAILED", errorMsg, null, null, null);
  }

  public Simulation withLogLines(String... lines) {
    return new Simulation(runTimeMs, outcome, errorMsg, List.of(lines), report, lockIntervals);
  }

  /** The task's reports map, as {@code GET /task/{id}/reports} serves it. */
  public Simulation withReport(Map<String, Object> reports) {
    return new Simulation(runTimeMs, outcome, errorMsg, logLines, reports, lockIntervals);
  }

  /** Intervals such as {@code 2024-01-01/2024-01-02} the task locks before it runs. */
  public Simulation withLockIntervals(String... intervals) {
    return new Simulation(runTimeMs, outcome, errorMsg, logLines, report, List.of(intervals));
  }

  /** A task context holding this simulation: {@code {"druidTasks.simulate": {...}}}. */
  public Map<String, Object> asContext() {
    return Map.of(CONTEXT_KEY, this);
  }
}
