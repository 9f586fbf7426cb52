package dev.druidtasks.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.druidtasks.conformance.Conformance;
import dev.druidtasks.conformance.ConformanceOptions;
import dev.druidtasks.conformance.ConformanceResult;
import dev.druidtasks.conformance.Outcome;
import dev.druidtasks.server.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The whole conformance suite, black-box, against this server on a real PostgreSQL. */
class ConformanceSuiteTest {
  @Test
  void everyCasePasses() {
    TestServer server = TestServer.shared();
    ConformanceResult result = Conformance.run(ConformanceOptions.forTarget(server.base())
        .withReportDir(Path.of("target", "conformance"))
        .withTimeout(Duration.ofSeconds(60)));
    assertThat(result.idsWith(Outcome.FAIL)).isEmpty();
    assertThat(result.idsWith(Outcome.SKIP)).isEmpty();
    assertThat(result.passed()).isGreaterThan(100);
  }
}
