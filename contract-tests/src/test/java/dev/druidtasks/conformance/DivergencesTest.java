package dev.druidtasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.druidtasks.conformance.cases.CaseCatalog;
import dev.druidtasks.conformance.cases.ConformanceCase;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The ledger and the case catalog agree: every divergent case is in it, and it names only real cases. */
class DivergencesTest {
  private final Divergences ledger = Divergences.load();
  private final Map<String, ConformanceCase> catalog = CaseCatalog.all().stream()
      .collect(Collectors.toMap(ConformanceCase::id, Function.identity()));

  @Test
  void everyRowNamesACaseOrAReplayStep() {
    assertThat(ledger.rows()).isNotEmpty();
    assertThat(ledger.rows()).allSatisfy(r ->
        assertThat(r.caseIds().size() + r.replaySteps().size() + r.profileCalls().size() + r.securityCells().size())
            .isPositive());
    assertThat(ledger.rows()).allSatisfy(r -> assertThat(r.why()).isNotBlank());
  }

  @Test
  void everyNamedCaseExists() {
    assertThat(catalog.keySet()).containsAll(ledger.caseIds());
  }

  @Test
  void everyCaseWithOneTagIsInTheLedger() {
    Set<String> divergent = catalog.values().stream().filter(c -> c.tags().size() == 1).map(ConformanceCase::id)
        .collect(Collectors.toSet());
    assertThat(ledger.caseIds()).containsAll(divergent);
  }

  @Test
  void noCaseOfBothTagsIsCalledADivergence() {
    assertThat(ledger.caseIds()).allSatisfy(id -> assertThat(catalog.get(id).tags()).hasSize(1));
  }

  @Test
  void parsesNamesOfEveryKindAndRefusesBrokenRows() {
    Divergences d = Divergences.parse("""
        | cases | doc | druid | server | why |
        |---|---|---|---|---|
        | `a.b` `replay:c.d` `profile:call(x, "y")` | x | y | z | because |
        """);
    assertThat(d.rows()).hasSize(1);
    assertThat(d.caseIds()).containsExactly("a.b");
    assertThat(d.replaySteps()).containsExactly("c.d");
    assertThat(d.profileCalls()).containsExactly("call(x, \"y\")");
    assertThatThrownBy(() -> Divergences.parse("| h |\n|---|\n| only | three | cells |\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
