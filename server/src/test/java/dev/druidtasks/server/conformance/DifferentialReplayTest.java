package dev.druidtasks.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.druidtasks.conformance.Divergences;
import dev.druidtasks.reference.ReferenceDruid;
import dev.druidtasks.reference.ReferenceDruids;
import dev.druidtasks.reference.replay.DifferentialReplay;
import dev.druidtasks.reference.replay.ReplayResult;
import dev.druidtasks.server.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same requests to a real Druid 33 and to this server, answers compared after normalising ids
 * and times: every difference is one the divergence ledger names, and every step it names still differs.
 */
class DifferentialReplayTest {
  @Test
  void everyDifferenceFromDruidIsInTheLedger(@TempDir Path data) {
    ReplayResult result;
    try (ReferenceDruid druid = ReferenceDruids.start("replay", 21_000);
        TestServer server = TestServer.start(data)) {
      result = DifferentialReplay.run(druid.overlord(), server.base(), Duration.ofSeconds(180));
    }
    System.out.println(result.report());
    Set<String> differing = result.differing().stream().map(ReplayResult.StepResult::id)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> ledgered = new TreeSet<>(Divergences.load().replaySteps());

    assertThat(result.steps()).hasSizeGreaterThan(80);
    assertThat(ledgered).as("differences the ledger does not name").containsAll(differing);
    assertThat(differing).as("ledgered steps whose answers now agree").containsAll(ledgered);
  }
}
