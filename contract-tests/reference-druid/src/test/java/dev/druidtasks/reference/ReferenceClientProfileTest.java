package dev.druidtasks.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.druidtasks.conformance.Divergences;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real clients (Druid 33's OverlordClient, pydruid, Airflow's Druid hook) against a real Druid 33: the profiles' claims hold there. */
class ReferenceClientProfileTest {
  /** Druid's ClientTaskQuery has no noop subtype, so its client fails on a noop payload wherever it runs. */
  static final String CLIENT_QUIRK = "taskPayload(noop id)";
  private static ReferenceDruid druid;
  private static ClientProfiles.Report report;

  @BeforeAll
  static void runTheProfile() throws Exception {
    druid = ReferenceDruids.start("client-profile", 22_000);
    report = ClientProfiles.run(druid.overlord(), Path.of("target", "client-profiles"), "reference",
        Duration.ofMinutes(8));
    System.out.println("client profiles on the reference Druid: " + report.tally());
  }

  @AfterAll
  static void stop() {
    if (druid != null) {
      druid.close();
    }
  }

  @Test
  void everyCallPassesOrIsAKnownQuirkOfDruid() {
    assertThat(report.with("FAIL")).isEmpty();
    assertThat(report.with("PASS")).hasSizeGreaterThan(40);
  }

  /**
   * Quirks are the client's own (it cannot decode a noop payload, on any target) or Druid 33's, which the
   * divergence ledger names: bodiless segment updates answered 500, shutdownAllTasks answered 404.
   */
  @Test
  void theQuirksAreTheClientsOwnOrLedgered() {
    Set<String> expected = new TreeSet<>(Divergences.load().profileCalls());
    expected.add(CLIENT_QUIRK);
    assertThat(report.with("QUIRK")).extracting(ClientProfiles.Call::call)
        .containsExactlyInAnyOrderElementsOf(expected);
  }
}
