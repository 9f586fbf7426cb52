package dev.druidtasks.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.druidtasks.conformance.CaseResult;
import dev.druidtasks.conformance.Conformance;
import dev.druidtasks.conformance.ConformanceOptions;
import dev.druidtasks.conformance.ConformanceResult;
import dev.druidtasks.conformance.Divergences;
import dev.druidtasks.conformance.Outcome;
import dev.druidtasks.conformance.Tag;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The suite's claims about Druid, judged by a real Druid 33: every {@code druid} case passes on
 * it, every {@code doc}-only case fails on it, and nothing fails that the divergence ledger does
 * not name. One run with both tags gives both tallies (the reference is slow, and a shut-down task
 * keeps its slot for minutes, so the suite is not run twice).
 */
class ReferenceConformanceTest {
  private static ReferenceDruid druid;
  private static ConformanceResult result;

  @BeforeAll
  static void runSuiteOnTheReference() {
    druid = ReferenceDruids.start("conformance", 20_000);
    result = Conformance.run(ConformanceOptions.forTarget(druid.overlord())
        .withTags(Tag.DOC, Tag.DRUID)
        .withReportDir(Path.of("target", "reference-conformance"))
        .withTimeout(Duration.ofSeconds(180)));
    System.out.println("reference Druid started in " + druid.startTime().toMillis() + " ms");
    System.out.println("--tags druid: " + tally(Tag.DRUID));
    System.out.println("--tags doc:   " + tally(Tag.DOC));
  }

  @AfterAll
  static void stop() {
    if (druid != null) {
      List<ProcessHandle> tree = druid.processTree();
      druid.close();
      assertThat(tree).noneMatch(ProcessHandle::isAlive);
    }
  }

  @Test
  void everyDruidCasePasses() {
    assertThat(ids(Tag.DRUID, Outcome.FAIL)).isEmpty();
    assertThat(ids(Tag.DRUID, Outcome.SKIP)).isEmpty();
    assertThat(ids(Tag.DRUID, Outcome.PASS)).hasSizeGreaterThan(90);
  }

  @Test
  void exactlyTheDocOnlyCasesFail() {
    Set<String> docOnly = result.cases().stream().filter(CaseResult::docOnly).map(CaseResult::id)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(docOnly).isNotEmpty();
    assertThat(ids(Tag.DOC, Outcome.FAIL)).isEqualTo(docOnly);
  }

  @Test
  void everyFailureIsInTheLedger() {
    assertThat(Divergences.load().caseIds()).containsAll(result.idsWith(Outcome.FAIL));
  }

  private static Set<String> ids(Tag tag, Outcome outcome) {
    return result.cases().stream().filter(c -> c.tags().contains(tag) && c.outcome() == outcome)
        .map(CaseResult::id).collect(Collectors.toCollection(TreeSet::new));
  }

  private static String tally(Tag tag) {
    return ids(tag, Outcome.PASS).size() + " passed, " + ids(tag, Outcome.FAIL).size() + " failed"
        + (ids(tag, Outcome.SKIP).isEmpty() ? "" : ", " + ids(tag, Outcome.SKIP).size() + " skipped");
  }
}
