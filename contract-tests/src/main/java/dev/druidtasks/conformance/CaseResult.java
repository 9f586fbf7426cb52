package dev.druidtasks.conformance;

import java.time.Duration;
import java.util.Set;

/**
 * How one case ended.
 *
 * @param id stable case id, e.g. {@code tasks.filter.state}
 * @param title what the case checks
 * @param endpoint the endpoint it checks
 * @param tags {@code doc}, {@code druid} or both
 * @param capabilities capability groups it needs
 * @param source the doc section or BEHAVIOR.md rule it checks
 * @param outcome PASS, FAIL, SKIP or DISABLED
 * @param reason why it failed or was skipped; empty on PASS
 * @param curl a curl command reproducing the failing request; empty when there is none
 * @param elapsed how long it ran
 */
public record CaseResult(
    String id,
    String title,
    Endpoint endpoint,
    Set<Tag> tags,
    Set<Capability> capabilities,
    String source,
    Outcome outcome,
    String reason,
    String curl,
    Duration elapsed) {

  public CaseResult {
    tags = Set.copyOf(tags);
    capabilities = Set.copyOf(capabilities);
  }

  /** A case tagged {@code doc} only: Druid is known to differ here. */
  public boolean docOnly() {
    return tags.equals(Set.of(Tag.DOC));
  }
}
