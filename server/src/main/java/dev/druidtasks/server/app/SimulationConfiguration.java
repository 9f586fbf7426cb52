package dev.druidtasks.server.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.druidtasks.server.task.simulated.SimulatedTaskType;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which Druid task types this node simulates ({@code all}, {@code none}, or names separated by commas),
 * and whether it serves the control API: what lets tests drive it.
 */
public class SimulationConfiguration {
  @JsonProperty private String types = "all";
  @JsonProperty private boolean controlApi = true;

  public boolean isControlApi() {
    return controlApi;
  }

  /** The simulated types, in Druid's order; an unknown name is refused with the known ones. */
  public Set<String> simulatedTypes() {
    String t = types == null ? "" : types.trim();
    List<String> known = SimulatedTaskType.Kind.names();
    if (t.equals("all")) {
      return new LinkedHashSet<>(known);
    }
    Set<String> chosen = new LinkedHashSet<>();
    if (t.isEmpty() || t.equals("none")) {
      return chosen;
    }
    for (String name : Arrays.stream(t.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("simulation.types: [" + name + "] is not a simulated task type"
            + " (all, none, or some of " + known + ")");
      }
      chosen.add(name);
    }
    return chosen;
  }
}
