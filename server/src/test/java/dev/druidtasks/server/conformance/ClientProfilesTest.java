package dev.druidtasks.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.druidtasks.reference.ClientProfiles;
import dev.druidtasks.server.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real clients, unchanged, against this server: Druid 33's own OverlordClient, pydruid's task client and
 * Airflow's Druid hook. Every call passes; the only quirk left is the client's own (it cannot decode a noop
 * payload, on Druid as here). Druid's server-side quirks (bodiless 500s, shutdownAllTasks 404) pass here.
 */
class ClientProfilesTest {
  @Test
  void everyClientCallPasses(@TempDir Path data) throws Exception {
    ClientProfiles.Report report;
    try (TestServer server = TestServer.start(data)) {
      report = ClientProfiles.run(server.base(), Path.of("target", "client-profiles"), "server", Duration.ofMinutes(5));
    }
    System.out.println("client profiles on the server: " + report.tally());
    assertThat(report.with("FAIL")).isEmpty();
    assertThat(report.with("QUIRK")).extracting(ClientProfiles.Call::call).containsExactly("taskPayload(noop id)");
    assertThat(report.with("PASS")).hasSizeGreaterThan(45);
  }
}
