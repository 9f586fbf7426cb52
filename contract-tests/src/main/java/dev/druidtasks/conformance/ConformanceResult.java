package dev.druidtasks.conformance;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Every case's result, in the order they ran. */
public record ConformanceResult(List<CaseResult> cases, Duration elapsed) {

  public ConformanceResult {
    cases = List.copyOf(cases);
  }

  public long count(Outcome outcome) {
    return cases.stream().filter(c -> c.outcome() == outcome).count();
  }

  public long passed() {
    return count(Outcome.PASS);
  }

  public long failed() {
    return count(Outcome.FAIL);
  }

  public long skipped() {
    return count(Outcome.SKIP);
  }

  /** True when no selected case failed. */
  public boolean allPassed() {
    return failed() == 0;
  }

  public Set<String> idsWith(Outcome outcome) {
    return cases.stream().filter(c -> c.outcome() == outcome).map(CaseResult::id)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  public java.util.Optional<CaseResult> get(String caseId) {
    return cases.stream().filter(c -> c.id().equals(caseId)).findFirst();
  }

  /** {@code N passed, M failed} (plus {@code , K skipped} when some were skipped). */
  public String summaryLine() {
    return passed() + " passed, " + failed() + " failed" + (skipped() > 0 ? ", " + skipped() + " skipped" : "");
  }
}
