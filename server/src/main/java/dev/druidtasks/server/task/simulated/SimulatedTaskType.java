package dev.druidtasks.server.task.simulated;

import dev.druidtasks.server.task.TaskType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A Druid task type this server does not really run, accepted so that clients see it go through the
 * real lifecycle; what it does comes from its {@link SimulationPlan}. The names are those of Druid 33's
 * {@code Task} subtypes and of its core extensions (Kafka, Kinesis, MSQ, Hadoop), less the types run for real.
 */
public final class SimulatedTaskType extends TaskType {
  /** Each simulated type with Druid's default lock priority for it. */
  public enum Kind {
    INDEX_KAFKA("index_kafka", 75),
    INDEX_KINESIS("index_kinesis", 75),
    INDEX_REALTIME("index_realtime", 75),
    INDEX_REALTIME_APPENDERATOR("index_realtime_appenderator", 75),
    QUERY_CONTROLLER("query_controller", 0),
    QUERY_WORKER("query_worker", 0),
    INDEX_HADOOP("index_hadoop", 50),
    SINGLE_PHASE_SUB_TASK("single_phase_sub_task", 50),
    INDEX_SUB("index_sub", 50),
    PARTIAL_INDEX_GENERATE("partial_index_generate", 50),
    PARTIAL_RANGE_INDEX_GENERATE("partial_range_index_generate", 50),
    PARTIAL_DIMENSION_CARDINALITY("partial_dimension_cardinality", 50),
    PARTIAL_DIMENSION_DISTRIBUTION("partial_dimension_distribution", 50),
    PARTIAL_INDEX_GENERIC_MERGE("partial_index_generic_merge", 50),
    MOVE("move", 0),
    ARCHIVE("archive", 0),
    RESTORE("restore", 0);

    public final String typeName;
    final int priority;

    Kind(String typeName, int priority) {
      this.typeName = typeName;
      this.priority = priority;
    }

    public static List<String> names() {
      return Arrays.stream(values()).map(k -> k.typeName).toList();
    }

    static Kind of(String typeName) {
      return Arrays.stream(values()).filter(k -> k.typeName.equals(typeName)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("not a simulated task type: " + typeName));
    }
  }

  public SimulatedTaskType(String name, SimulationControl control) {
    super(Kind.of(name).typeName, SimulatedTask.class, Map.of(SimulationControl.class, control));
  }

  /** One type for each name, all told by {@code control}. */
  public static List<TaskType> of(java.util.Collection<String> names, SimulationControl control) {
    return names.stream().<TaskType>map(n -> new SimulatedTaskType(n, control)).toList();
  }

  static int priorityOf(String type) {
    return Kind.of(type).priority;
  }
}
