package dev.druidtasks.conformance.cases;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every case, in the order they run: first those that need free worker slots, then those that
 * fill the target's slots (so nothing after them needs a slot).
 */
public final class CaseCatalog {
  private CaseCatalog() {}

  public static List<ConformanceCase> all() {
    List<ConformanceCase> out = new ArrayList<>();
    out.addAll(ServiceCases.cases());
    out.addAll(UnknownIdCases.cases());
    out.addAll(SubmitCases.cases());
    out.addAll(BulkStatusCases.cases());
    out.addAll(ListCases.cases());
    out.addAll(TaskCases.cases());
    out.addAll(PendingSegmentsCases.cases());
    out.addAll(DocSampleCases.withFreeSlots());
    out.addAll(DocSampleCases.saturated());
    out.addAll(SaturatedCases.cases());
    Set<String> ids = new HashSet<>();
    for (ConformanceCase c : out) {
      if (!ids.add(c.id())) {
        throw new IllegalStateException("duplicate case id " + c.id());
      }
    }
    return List.copyOf(out);
  }
}
