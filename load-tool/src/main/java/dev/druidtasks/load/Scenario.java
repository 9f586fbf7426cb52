package dev.druidtasks.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A named weighting of operations; {@code mixed} takes its weights from {@code --mix}. */
public enum Scenario {
  SUBMIT("submit", Map.of(Operation.SUBMIT, 1)),
  POLL("poll", Map.of(Operation.STATUS, 1)),
  LIST("list", Map.of(Operation.TASKS, 1, Operation.COMPLETE_TASKS, 1, Operation.COMPLETE_OF_DATASOURCE, 1)),
  BULK_STATUS("bulk-status", Map.of(Operation.BULK_STATUS, 1)),
  LIFECYCLE("lifecycle", Map.of(Operation.LIFECYCLE, 1)),
  MIXED("mixed", Map.of());

  /** The mix {@code mixed} runs when {@code --mix} is not given: mostly status polls, as dashboards and clients do. */
  public static final String DEFAULT_MIX =
      "submit=2,status=10,tasks=1,completeTasks=1,tasks-complete-datasource=1,taskStatus=1";

  private final String label;
  private final Map<Operation, Integer> weights;

  Scenario(String label, Map<Operation, Integer> weights) {
    this.label = label;
    this.weights = weights;
  }

  public String label() {
    return label;
  }

  public static Scenario labelled(String label) {
    for (Scenario s : values()) {
      if (s.label.equals(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown scenario [" + label + "]; known: "
        + Arrays.stream(values()).map(Scenario::label).toList());
  }

  /** The operations and their weights, {@code mix} (operation label → weight) for {@code mixed}. */
  Map<Operation, Integer> weights(Map<String, Integer> mix) {
    if (this != MIXED) {
      return weights;
    }
    Map<Operation, Integer> out = new LinkedHashMap<>();
    mix.forEach((label, w) -> {
      if (w < 0) {
        throw new IllegalArgumentException("--mix weight of [" + label + "] must not be negative, got " + w);
      }
      if (w > 0) {
        out.put(Operation.labelled(label), w);
      }
    });
    if (out.isEmpty()) {
      throw new IllegalArgumentException("--mix gives no operation a positive weight");
    }
    return out;
  }

  /**
   * One cycle of operations in which each appears as often as its weight, shuffled with a fixed seed:
   * request {@code n} of a client runs {@code cycle[n % length]}, so runs are repeatable.
   */
  static Operation[] cycle(Map<Operation, Integer> weights) {
    List<Operation> cycle = new ArrayList<>();
    weights.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> cycle.addAll(java.util.Collections.nCopies(e.getValue(), e.getKey())));
    java.util.Collections.shuffle(cycle, new Random(15));
    return cycle.toArray(Operation[]::new);
  }
}
