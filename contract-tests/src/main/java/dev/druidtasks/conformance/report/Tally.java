package dev.druidtasks.conformance.report;

import dev.druidtasks.conformance.CaseResult;
import dev.druidtasks.conformance.Endpoint;
import dev.druidtasks.conformance.Outcome;
import dev.druidtasks.conformance.Tag;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Counts per endpoint, split by the tag set of the cases (both, doc only, druid only). */
record Tally(Map<Endpoint, Map<TagSet, int[]>> counts) {

  /** The three tag sets a case can have. */
  enum TagSet {
    BOTH("doc+druid"), DOC("doc only"), DRUID("druid only");

    final String label;

    TagSet(String label) {
      this.label = label;
    }

    static TagSet of(Set<Tag> tags) {
      if (tags.size() == 2) {
        return BOTH;
      }
      return tags.contains(Tag.DOC) ? DOC : DRUID;
    }
  }

  static Tally of(List<CaseResult> results) {
    Map<Endpoint, Map<TagSet, int[]>> m = new EnumMap<>(Endpoint.class);
    for (CaseResult r : results) {
      int[] c = m.computeIfAbsent(r.endpoint(), e -> new EnumMap<>(TagSet.class))
          .computeIfAbsent(TagSet.of(r.tags()), t -> new int[Outcome.values().length]);
      c[r.outcome().ordinal()]++;
    }
    return new Tally(m);
  }

  int count(Endpoint e, Outcome o) {
    int n = 0;
    for (int[] c : counts.getOrDefault(e, Map.of()).values()) {
      n += c[o.ordinal()];
    }
    return n;
  }

  /** {@code p/f/s} for one endpoint and tag set, or {@code -} when it has no case. */
  String cell(Endpoint e, TagSet t) {
    int[] c = counts.getOrDefault(e, Map.of()).get(t);
    if (c == null) {
      return "-";
    }
    return c[Outcome.PASS.ordinal()] + "/" + c[Outcome.FAIL.ordinal()] + "/" + c[Outcome.SKIP.ordinal()]
        + (c[Outcome.DISABLED.ordinal()] > 0 ? " (" + c[Outcome.DISABLED.ordinal()] + " off)" : "");
  }
}
