package dev.druidtasks.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.druidtasks.conformance.Divergences;
import dev.druidtasks.reference.replay.ReplayScript;
import org.junit.jupiter.api.Test;

class ReplayScriptTest {
  @Test
  void theLedgerNamesOnlyStepsOfTheScript() {
    assertThat(ReplayScript.ids()).containsAll(Divergences.load().replaySteps());
  }

  @Test
  void everyEndpointOfTheApiIsReplayed() {
    assertThat(ReplayScript.ids()).anyMatch(id -> id.startsWith("submit."))
        .anyMatch(id -> id.startsWith("payload.")).anyMatch(id -> id.startsWith("status."))
        .anyMatch(id -> id.startsWith("log.")).anyMatch(id -> id.startsWith("reports."))
        .anyMatch(id -> id.startsWith("segments.")).anyMatch(id -> id.startsWith("tasks."))
        .anyMatch(id -> id.startsWith("complete-tasks.")).anyMatch(id -> id.startsWith("running-tasks"))
        .anyMatch(id -> id.startsWith("pending-tasks")).anyMatch(id -> id.startsWith("waiting-tasks"))
        .anyMatch(id -> id.startsWith("task-status.")).anyMatch(id -> id.startsWith("pending-segments."))
        .anyMatch(id -> id.startsWith("shutdown.")).anyMatch(id -> id.startsWith("shutdown-all."));
  }
}
