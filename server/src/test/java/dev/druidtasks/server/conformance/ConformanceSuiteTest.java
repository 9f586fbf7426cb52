package dev.druidtasks.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.druidtasks.conformance.CaseResult;
import dev.druidtasks.conformance.Conformance;
import dev.druidtasks.conformance.ConformanceOptions;
import dev.druidtasks.conformance.ConformanceResult;
import dev.druidtasks.conformance.Outcome;
import dev.druidtasks.conformance.Tag;
import dev.druidtasks.server.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  /** Where Druid 33 and the doc part, this server takes the doc's side: it fails exactly the druid-only cases. */
  @Test
  void failsExactlyTheDruidOnlyCases(@TempDir Path data) {
    ConformanceResult result;
    try (TestServer server = TestServer.start(data)) {
      result = Conformance.run(ConformanceOptions.forTarget(server.base())
          .withTags(Tag.DRUID)
          .withReportDir(Path.of("target", "conformance-druid-tags"))
          .withTimeout(Duration.ofSeconds(60)));
    }
    Set<String> druidOnly = result.cases().stream().filter(c -> c.tags().equals(Set.of(Tag.DRUID)))
        .map(CaseResult::id).collect(Collectors.toCollection(TreeSet::new));
    assertThat(druidOnly).isNotEmpty();
    assertThat(result.idsWith(Outcome.FAIL)).isEqualTo(druidOnly);
    assertThat(result.idsWith(Outcome.SKIP)).isEmpty();
  }
}
