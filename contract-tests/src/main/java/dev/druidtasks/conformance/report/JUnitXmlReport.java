package dev.druidtasks.conformance.report;

import dev.druidtasks.conformance.CaseResult;
import dev.druidtasks.conformance.ConformanceOptions;
import dev.druidtasks.conformance.ConformanceResult;
import dev.druidtasks.conformance.Outcome;
import dev.druidtasks.conformance.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/** The results as JUnit XML ({@code TEST-conformance.xml}), one testcase per case, classname = endpoint. */
public final class JUnitXmlReport {
  private JUnitXmlReport() {}

  public static void write(ConformanceResult result, ConformanceOptions options, Path file) throws IOException {
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    long skipped = result.skipped() + result.count(Outcome.DISABLED);
    x.append(String.format(Locale.ROOT,
        "<testsuite name=\"druid-tasks-conformance\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\" "
            + "time=\"%.3f\">%n", result.cases().size(), result.failed(), skipped,
        result.elapsed().toMillis() / 1000.0));
    x.append("  <properties>\n    <property name=\"target\" value=\"").append(escape(options.target().toString()))
        .append("\"/>\n  </properties>\n");
    for (CaseResult r : result.cases()) {
      x.append(String.format(Locale.ROOT, "  <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\">",
          escape(r.endpoint().operationId()), escape(r.id() + " [" + r.tags().stream().map(Tag::label).sorted()
              .collect(Collectors.joining(",")) + "]"), r.elapsed().toMillis() / 1000.0));
      switch (r.outcome()) {
        case FAIL -> x.append("\n    <failure message=\"").append(escape(r.reason())).append("\">")
            .append(escape(r.title() + "\nsource: " + r.source() + "\n" + r.reason()
                + (r.curl().isEmpty() ? "" : "\nreproduce: " + r.curl())))
            .append("</failure>\n  ");
        case SKIP, DISABLED -> x.append("\n    <skipped message=\"").append(escape(r.outcome() + ": " + r.reason()))
            .append("\"/>\n  ");
        default -> { }
      }
      x.append("</testcase>\n");
    }
    x.append("</testsuite>\n");
    Files.writeString(file, x, StandardCharsets.UTF_8);
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            out.append("\\u").append(String.format("%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
