package dev.druidtasks.server.task.simulated;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the control API tells this node's simulated tasks: outcome rules (the first that matches a task
 * without a plan of its own decides), and outcomes forced on running tasks, which they take at once.
 * Kept in the process: a task follows the rules of the node whose worker runs it.
 */
public final class SimulationControl {
  private final List<SimulationRule> rules = new CopyOnWriteArrayList<>();
  private final Map<String, Ending> forced = new ConcurrentHashMap<>();
  private final Set<String> running = ConcurrentHashMap.newKeySet();

  /** An outcome forced on a task now. */
  public record Ending(boolean succeeded, String errorMsg) { }

  public void addRule(SimulationRule rule) {
    rules.add(rule);
  }

  public List<SimulationRule> rules() {
    return List.copyOf(rules);
  }

  public void clearRules() {
    rules.clear();
  }

  /** The plan of the first rule matching the task, else {@link SimulationPlan#DEFAULT}. */
  SimulationPlan planFor(String type, String dataSource, String id) {
    return rules.stream().filter(r -> r.matches(type, dataSource, id)).findFirst().map(SimulationRule::simulate)
        .orElse(SimulationPlan.DEFAULT);
  }

  /**
   * Makes the simulated task {@code id} end now, when it runs on this node (it looks between slices of
   * its run); false when it does not.
   */
  public boolean force(String id, Ending ending) {
    if (!running.contains(id)) {
      return false;
    }
    forced.put(id, ending);
    return true;
  }

  void started(String id) {
    running.add(id);
  }

  void ended(String id) {
    running.remove(id);
    forced.remove(id);
  }

  /** Taken once: the task ends with it. */
  Optional<Ending> takeForced(String id) {
    return Optional.ofNullable(forced.remove(id));
  }

  /** Forgets every rule and forced outcome. */
  public void reset() {
    rules.clear();
    forced.clear();
  }
}
