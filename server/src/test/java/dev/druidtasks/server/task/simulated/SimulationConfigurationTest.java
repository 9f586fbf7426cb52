package dev.druidtasks.server.task.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.druidtasks.server.task.InvalidField;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plans and rules bind strictly, and rules match by type, data source and id. */
class SimulationConfigurationTest {
  @Test
  void aPlanHasDefaults() {
    SimulationPlan p = SimulationPlan.bind(Map.of("outcome", "FAILED"), "x");
    assertThat(p.runTimeMs()).isZero();
    assertThat(p.errorMsg()).isEqualTo("Simulated failure");
    assertThat(SimulationPlan.bind(Map.of(), "x").succeeds()).isTrue();
  }

  @Test
  void theFirstMatchingRuleDecides() {
    SimulationControl control = new SimulationControl();
    SimulationPlan failed = SimulationPlan.bind(Map.of("outcome", "FAILED"), "x");
    SimulationPlan slow = SimulationPlan.bind(Map.of("runTimeMs", 5000), "x");
    control.addRule(new SimulationRule("index_kafka", null, "index_kafka_.*_a", failed));
    control.addRule(new SimulationRule(null, "wiki.*", null, slow));
    assertThat(control.planFor("index_kafka", "ds", "index_kafka_ds_a")).isSameAs(failed);
    assertThat(control.planFor("index_kafka", "ds", "index_kafka_ds_b")).isSameAs(SimulationPlan.DEFAULT);
    assertThat(control.planFor("query_worker", "wikipedia", "q")).isSameAs(slow);
    control.reset();
    assertThat(control.rules()).isEmpty();
  }

  @Test
  void aForcedOutcomeReachesOnlyATaskRunningHere() {
    SimulationControl control = new SimulationControl();
    assertThat(control.force("t", new SimulationControl.Ending(true, null))).isFalse();
    control.started("t");
    assertThat(control.force("t", new SimulationControl.Ending(false, "x"))).isTrue();
    assertThat(control.takeForced("t")).isPresent();
    assertThat(control.takeForced("t")).isEmpty();
    control.ended("t");
    assertThat(control.force("t", new SimulationControl.Ending(true, null))).isFalse();
  }

  @Test
  void wrongRulesNameTheirField() {
    assertThatThrownBy(() -> SimulationRule.bind(Map.of("typo", 1, "simulate", Map.of())))
        .isInstanceOf(InvalidField.class).hasMessageContaining("[typo]").hasMessageContaining("simulate");
    assertThatThrownBy(() -> SimulationRule.bind(Map.of("simulate", Map.of("logLines", "one"))))
        .hasMessageContaining("[simulate.logLines] must be an array");
    assertThatThrownBy(() -> SimulationRule.bind(Map.of("simulate", Map.of("lockIntervals", List.of(5)))))
        .hasMessageContaining("[simulate.lockIntervals[0]] must be a string");
    assertThatThrownBy(() -> SimulationRule.bind(List.of())).hasMessageContaining("must be an object");
  }

  @Test
  void everySimulatedTypeHasADruidPriority() {
    assertThat(SimulatedTaskType.priorityOf("index_kafka")).isEqualTo(75);
    assertThat(SimulatedTaskType.priorityOf("index_hadoop")).isEqualTo(50);
    assertThat(SimulatedTaskType.Kind.names()).contains("query_controller", "query_worker", "index_kinesis")
        .doesNotContain("noop", "index", "index_parallel", "kill", "compact");
  }
}
