package dev.druidtasks.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.druidtasks.load.LoadCommand;
import dev.druidtasks.load.LoadReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every scenario of the load tool, a few seconds at a modest rate, against the real server: no errors. */
class LoadToolTest {
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(Files.createTempDirectory("load-tool-test"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"submit", "poll", "list", "bulk-status", "mixed"})
  void aScenarioRunsWithoutErrors(String scenario) throws Exception {
    Path report = server.dataDir().resolveSibling("load-" + scenario + ".json");
    int code = LoadCommand.execute("--target", server.base().toString(), "--scenario", scenario, "--clients", "2",
        "--rate", "25", "--duration", "3", "--warmup", "0.5", "--setup-tasks", "10", "--bulk-ids", "100",
        "--report", report.toString());
    assertThat(code).isZero();
    LoadReport r = new ObjectMapper().readValue(report.toFile(), LoadReport.class);
    assertThat(r.stoppedBy()).isEqualTo("duration");
    assertThat(r.operations()).isNotEmpty().allSatisfy(op -> {
      assertThat(op.count()).as(op.name()).isPositive();
      assertThat(op.errors()).as(op.name()).isEmpty();
    });
    assertThat(r.total().count()).isBetween(60L, 76L);
  }
}
