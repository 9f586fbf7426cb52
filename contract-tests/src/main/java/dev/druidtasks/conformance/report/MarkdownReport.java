package dev.druidtasks.conformance.report;

import dev.druidtasks.conformance.CaseResult;
import dev.druidtasks.conformance.ConformanceOptions;
import dev.druidtasks.conformance.ConformanceResult;
import dev.druidtasks.conformance.Endpoint;
import dev.druidtasks.conformance.Outcome;
import dev.druidtasks.conformance.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** {@code conformance-report.md}: the summary per endpoint, then every case, failures with their curl. */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static void write(ConformanceResult result, ConformanceOptions options, Path file) throws IOException {
    StringBuilder md = new StringBuilder("# Tasks API conformance\n\n");
    md.append("Target: `").append(options.target()).append("` — ").append(result.summaryLine())
        .append(" (").append(result.count(Outcome.DISABLED)).append(" disabled), in ")
        .append(result.elapsed().toSeconds()).append(" s.\n\n");
    md.append("Cases tagged `doc` only check the doc where Druid 33 is known to differ; `druid` only, Druid's side.\n\n");
    md.append("## By endpoint\n\n| endpoint | pass | fail | skip | doc+druid p/f/s | doc only | druid only |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    Tally tally = Tally.of(result.cases());
    for (Endpoint e : Endpoint.values()) {
      if (tally.counts().containsKey(e)) {
        md.append("| `").append(e.display()).append("` | ").append(tally.count(e, Outcome.PASS)).append(" | ")
            .append(tally.count(e, Outcome.FAIL)).append(" | ").append(tally.count(e, Outcome.SKIP)).append(" | ")
            .append(tally.cell(e, Tally.TagSet.BOTH)).append(" | ").append(tally.cell(e, Tally.TagSet.DOC))
            .append(" | ").append(tally.cell(e, Tally.TagSet.DRUID)).append(" |\n");
      }
    }
    long fails = result.failed();
    if (fails > 0) {
      md.append("\n## Failures\n");
      for (CaseResult r : result.cases()) {
        if (r.outcome() == Outcome.FAIL) {
          md.append("\n### ").append(r.id()).append(r.docOnly() ? " (doc only: known divergence)" : "")
              .append("\n\n").append(r.title()).append(" — ").append(r.source()).append("\n\n")
              .append(cell(r.reason())).append("\n");
          if (!r.curl().isEmpty()) {
            md.append("\n```shell\n").append(r.curl()).append("\n```\n");
          }
        }
      }
    }
    md.append("\n## All cases\n\n| outcome | case | endpoint | tags | capabilities | checks | source | ms |\n");
    md.append("|---|---|---|---|---|---|---|---|\n");
    for (CaseResult r : result.cases()) {
      md.append("| ").append(r.outcome()).append(" | `").append(r.id()).append("` | `")
          .append(r.endpoint().display()).append("` | ")
          .append(r.tags().stream().map(Tag::label).sorted().collect(Collectors.joining(","))).append(" | ")
          .append(r.capabilities().stream().map(c -> c.label()).sorted().collect(Collectors.joining(",")))
          .append(" | ").append(cell(r.title() + (r.outcome() == Outcome.PASS ? "" : " — " + r.reason())))
          .append(" | ").append(cell(r.source())).append(" | ").append(r.elapsed().toMillis()).append(" |\n");
    }
    Files.writeString(file, md, StandardCharsets.UTF_8);
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
