package dev.druidtasks.server.task.simulated;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.druidtasks.server.task.InvalidField;
import dev.druidtasks.server.task.Interval;
import java.util.List;
import java.util.Map;

/**
 * How a simulated task behaves: it runs for {@code runTimeMs} (of the server's clock), writes its
 * {@code logLines} and {@code report}, holds {@code lockIntervals} while it runs, then ends with
 * {@code outcome} (and {@code errorMsg} when FAILED). Given in a task's context under {@value #CONTEXT_KEY}
 * or by a rule of the control API.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"runTimeMs", "outcome", "errorMsg", "logLines", "report", "lockIntervals"})
public record SimulationPlan(Long runTimeMs, String outcome, String errorMsg, List<String> logLines,
    Map<String, Object> report, List<Interval> lockIntervals) {
  public static final String CONTEXT_KEY = "druidTasks.simulate";
  static final String SUCCESS = "SUCCESS";
  static final String FAILED = "FAILED";
  static final String DEFAULT_ERROR = "Simulated failure";
  /** A task with no plan and no matching rule: succeeds at once. */
  public static final SimulationPlan DEFAULT = new SimulationPlan(0L, SUCCESS, null, null, null, null);

  public SimulationPlan {
    runTimeMs = runTimeMs == null ? 0 : runTimeMs;
    if (runTimeMs < 0) {
      throw InvalidField.of("runTimeMs", " must not be negative, got " + runTimeMs);
    }
    outcome = outcome == null ? SUCCESS : outcome;
    if (!outcome.equals(SUCCESS) && !outcome.equals(FAILED)) {
      throw InvalidField.value("outcome", "expected SUCCESS or FAILED, got [" + outcome + "]");
    }
    if (errorMsg != null && outcome.equals(SUCCESS)) {
      throw InvalidField.of("errorMsg", " is only for outcome FAILED");
    }
    errorMsg = errorMsg == null && outcome.equals(FAILED) ? DEFAULT_ERROR : errorMsg;
    logLines = logLines == null ? null : List.copyOf(logLines);
    lockIntervals = lockIntervals == null ? null : List.copyOf(lockIntervals);
  }

  public boolean succeeds() {
    return outcome.equals(SUCCESS);
  }

  /**
   * Binds a plan given as JSON (a task context's value, a rule's {@code simulate}); a wrong value is
   * refused naming its place under {@code field}.
   */
  public static SimulationPlan bind(Object value, String field) {
    return StrictJson.bind(value, SimulationPlan.class, field,
        "{\"runTimeMs\": 3000, \"outcome\": \"FAILED\", \"errorMsg\": \"...\"}");
  }
}
