package dev.druidtasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.druidtasks.conformance.stub.StubOverlord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole suite against the in-memory stub: all pass when it is right. */
class StubConformanceTest {

  static ConformanceOptions options(StubOverlord stub, ByteArrayOutputStream out) {
    return ConformanceOptions.forTarget(stub.uri())
        .withCapabilitiesOff(Capability.INGESTION, Capability.LOCKS)
        .withTimeout(Duration.ofSeconds(20))
        .withOutput(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @Test
  void everySelectedCasePassesAgainstACorrectStub(@TempDir Path reports) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ConformanceResult result;
    try (StubOverlord stub = new StubOverlord(2, Set.of())) {
      result = Conformance.run(options(stub, out).withReportDir(reports));
      assertThat(stub.activeTasks()).as("the suite shut down what it started").isZero();

      // A second run on the same target finds the samples' ids taken and still replays the samples.
      ConformanceResult again = Conformance.run(options(stub, new ByteArrayOutputStream()).withOnly(
          "sample.get-task-status", "sample.get-task-log", "sample.shutdown-task", "sample.get-task-statuses"));
      assertThat(again.idsWith(Outcome.PASS)).containsExactlyInAnyOrder(
          "sample.get-task-status", "sample.get-task-log", "sample.shutdown-task", "sample.get-task-statuses");
    }
    String console = out.toString(StandardCharsets.UTF_8);
    System.out.println(console);
    assertThat(result.idsWith(Outcome.FAIL)).isEmpty();
    assertThat(result.passed()).isGreaterThanOrEqualTo(100);
    assertThat(result.idsWith(Outcome.DISABLED)).as("druid-only cases are off by default")
        .isEqualTo(dev.druidtasks.conformance.cases.CaseCatalog.all().stream()
            .filter(c -> c.tags().equals(Set.of(Tag.DRUID))).map(c -> c.id())
            .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)))
        .contains("shutdown.complete.druid", "submit.malformed-json.druid");
    assertThat(result.cases()).filteredOn(c -> c.outcome() == Outcome.SKIP)
        .allSatisfy(c -> assertThat(c.reason()).startsWith("capability off"))
        .allSatisfy(c -> assertThat(c.capabilities()).containsAnyOf(Capability.INGESTION, Capability.LOCKS));
    List<String> lines = console.lines().toList();
    assertThat(lines.get(lines.size() - 1)).isEqualTo(result.summaryLine());
    assertThat(Files.readString(reports.resolve("TEST-conformance.xml"))).contains("<testsuite", "tasks.max");
    assertThat(Files.readString(reports.resolve("conformance-report.md"))).contains("## By endpoint");
  }
}
