package dev.druidtasks.server.task.simulated;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.druidtasks.server.task.InvalidField;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A plan for the simulated tasks it matches: of {@code type} (any when null), whose data source and id
 * match the regular expressions {@code dataSource} and {@code id} wholly (any when null).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimulationRule(String type, String dataSource, String id, SimulationPlan simulate) {
  public SimulationRule {
    InvalidField.required(simulate, "simulate");
    compile(dataSource, "dataSource");
    compile(id, "id");
  }

  /** A rule given as JSON (the control API's body); a wrong value is refused naming its field. */
  public static SimulationRule bind(Object value) {
    return StrictJson.bind(value, SimulationRule.class, "",
        "{\"type\": \"index_kafka\", \"simulate\": {\"runTimeMs\": 3000, \"outcome\": \"FAILED\"}}");
  }

  @JsonIgnore
  boolean matches(String taskType, String taskDataSource, String taskId) {
    return (type == null || type.equals(taskType)) && whole(dataSource, taskDataSource) && whole(id, taskId);
  }

  private static boolean whole(String pattern, String value) {
    return pattern == null || Pattern.compile(pattern).matcher(value).matches();
  }

  private static void compile(String pattern, String field) {
    if (pattern == null) {
      return;
    }
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw InvalidField.value(field, "not a regular expression: " + e.getDescription());
    }
  }
}
