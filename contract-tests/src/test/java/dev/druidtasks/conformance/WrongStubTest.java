package dev.druidtasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.druidtasks.conformance.stub.StubOverlord;
import dev.druidtasks.conformance.stub.StubOverlord.Breakage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** With one rule broken in the stub, the suite fails exactly the cases that check that rule. */
class WrongStubTest {

  static Set<String> expectedFailures(Breakage b) {
    return switch (b) {
      case COMPLETE_RUNNER_WAITING -> Set.of(
          "tasks.filter.state-complete", "status.complete.runner-none", "lifecycle.noop",
          "shutdown.running", "shutdown.empty-body", "shutdown.pending", "sample.shutdown-task",
          "sample.shutdown-all-tasks", "shutdown-all.active");
      case MAX_IGNORED -> Set.of(
          "tasks.max", "tasks.max.zero", "tasks.max.without-state", "complete-tasks.max", "complete-tasks.n");
      // Lookups of refused ids, and the check whether a sample's id is still free, rely on the same rule.
      case UNKNOWN_ID_200 -> Set.of(
          "unknown-id.payload", "unknown-id.status", "unknown-id.segments", "unknown-id.log", "unknown-id.reports",
          "unknown-id.shutdown", "status.hostile-id", "status.unusable-id",
          "sample.get-task-status", "sample.get-task-log", "sample.shutdown-task", "sample.get-task-statuses");
    };
  }

  @ParameterizedTest
  @EnumSource(Breakage.class)
  void theSuiteFailsExactlyTheCasesOfTheBrokenRule(Breakage breakage) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ConformanceResult result;
    try (StubOverlord stub = new StubOverlord(2, Set.of(breakage))) {
      result = Conformance.run(StubConformanceTest.options(stub, out));
    }
    System.out.println(breakage + " failed: " + result.idsWith(Outcome.FAIL));
    String console = out.toString(StandardCharsets.UTF_8);
    assertThat(result.idsWith(Outcome.FAIL)).as(console).isEqualTo(new java.util.TreeSet<>(expectedFailures(breakage)));
    for (String id : result.idsWith(Outcome.FAIL)) {
      assertThat(result.get(id).orElseThrow().curl()).as("reproduction of " + id).startsWith("curl ");
    }
    assertThat(console.lines().reduce((a, b) -> b).orElse("")).isEqualTo(result.summaryLine());
  }
}
