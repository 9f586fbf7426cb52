package dev.druidtasks.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real clients (Druid 33's OverlordClient, pydruid, Airflow's Druid hook) against a real Druid 33: the profiles' claims hold there. */
class ReferenceClientProfileTest {
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
   * Druid's client cannot decode a noop payload; Druid 33 answers its client's bodiless segment updates with a
   * 500 and every {@code shutdownAllTasks} with a 404.
   */
  @Test
  void theQuirksAreExactlyDruidsKnownOnes() {
    assertThat(report.with("QUIRK")).extracting(ClientProfiles.Call::call).containsExactlyInAnyOrder(
        "taskPayload(noop id)",
        "markNonOvershadowedSegmentsAsUsed(ds)",
        "markSegmentAsUnused(id of no segment)",
        "markSegmentAsUsed(id of no segment)",
        "markNonOvershadowedSegmentsAsUsed(ds) after the kill (nothing left)",
        "shut_down_tasks_for(table)");
  }
}
