package dev.druidtasks.conformance;

import dev.druidtasks.conformance.cases.CaseCatalog;
import dev.druidtasks.conformance.cases.CaseContext;
import dev.druidtasks.conformance.cases.ConformanceCase;
import dev.druidtasks.conformance.check.CaseFailure;
import dev.druidtasks.conformance.check.PreconditionUnmet;
import dev.druidtasks.conformance.http.Exchange;
import dev.druidtasks.conformance.http.TasksClient;
import dev.druidtasks.conformance.report.ConsoleReport;
import dev.druidtasks.conformance.report.JUnitXmlReport;
import dev.druidtasks.conformance.report.MarkdownReport;
import dev.druidtasks.conformance.spec.OpenApiDocument;
import dev.druidtasks.conformance.state.SuiteState;
import dev.druidtasks.conformance.state.TaskDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the conformance suite against one target, in-process:
 * {@code Conformance.run(ConformanceOptions.forTarget(uri))}. Also used by {@link ConformanceMain}.
 */
public final class Conformance {
  private Conformance() {}

  /** Runs every selected case, cleans up the tasks it started, writes the reports asked for. */
  public static ConformanceResult run(ConformanceOptions options) {
    return run(options, CaseCatalog.all());
  }

  /** The cases of the suite, in run order (ids, endpoints, tags, capabilities). */
  public static List<ConformanceCase> cases() {
    return CaseCatalog.all();
  }

  static ConformanceResult run(ConformanceOptions options, List<ConformanceCase> catalog) {
    long start = System.nanoTime();
    OpenApiDocument spec = options.specFile() == null ? OpenApiDocument.fromClasspath()
        : OpenApiDocument.fromFile(options.specFile());
    TasksClient client = new TasksClient(options.target(), options.user(), options.password(),
        Duration.ofSeconds(Math.max(30, options.timeout().toSeconds())));
    SuiteState state = new SuiteState(options.timeout());
    ConsoleReport console = new ConsoleReport(options.out());
    console.header(options, spec.source(), state.ids().prefix());
    List<CaseResult> results = new ArrayList<>();
    try {
      for (ConformanceCase c : catalog) {
        CaseResult r = runOne(c, options, client, spec, state);
        results.add(r);
        console.caseDone(r);
      }
    } finally {
      state.cleanUp(new TaskDriver(client::send, state, options.timeout()));
    }
    ConformanceResult result = new ConformanceResult(results, Duration.ofNanos(System.nanoTime() - start));
    options.reportDirectory().ifPresent(dir -> {
      try {
        Files.createDirectories(dir);
        JUnitXmlReport.write(result, options.target(), dir.resolve("TEST-conformance.xml"));
        MarkdownReport.write(result, options, dir.resolve("conformance-report.md"));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write reports to " + dir, e);
      }
    });
    console.summary(result);
    return result;
  }

  private static CaseResult runOne(ConformanceCase c, ConformanceOptions o, TasksClient client, OpenApiDocument spec,
      SuiteState state) {
    String disabled = disabledReason(c, o);
    if (disabled != null) {
      return result(c, Outcome.DISABLED, disabled, "", Duration.ZERO);
    }
    Set<Capability> off = c.capabilities().stream().filter(o.capabilitiesOff()::contains)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Capability.class)));
    if (!off.isEmpty()) {
      return result(c, Outcome.SKIP, "capability off: " + off.stream().map(Capability::label)
          .collect(Collectors.joining(", ")), "", Duration.ZERO);
    }
    CaseContext ctx = new CaseContext(client, spec, state, o.timeout());
    long start = System.nanoTime();
    Outcome outcome;
    String reason = "";
    Exchange evidence = null;
    try {
      c.body().run(ctx);
      if (ctx.specViolations().isEmpty()) {
        outcome = Outcome.PASS;
      } else {
        outcome = Outcome.FAIL;
        reason = "answer does not conform to the OpenAPI document: " + String.join("; ", ctx.specViolations());
        evidence = ctx.violatingExchange();
      }
    } catch (PreconditionUnmet e) {
      outcome = Outcome.SKIP;
      reason = e.getMessage();
    } catch (CaseFailure e) {
      outcome = Outcome.FAIL;
      reason = e.getMessage();
      evidence = e.exchange() != null ? e.exchange() : ctx.lastExchange();
    } catch (Exception | AssertionError e) {
      outcome = Outcome.FAIL;
      reason = e.getClass().getSimpleName() + ": " + e.getMessage();
      evidence = ctx.lastExchange();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return result(c, outcome, reason, evidence == null ? "" : evidence.curl(), elapsed);
  }

  private static String disabledReason(ConformanceCase c, ConformanceOptions o) {
    if (!o.only().isEmpty()) {
      boolean picked = o.only().stream().anyMatch(name -> name.equals(c.id())
          || Endpoint.find(name).map(e -> e == c.endpoint()).orElse(false));
      if (!picked) {
        return "not in --only";
      }
    }
    if (c.tags().stream().noneMatch(o.tags()::contains)) {
      return "tags " + labels(c.tags()) + " not selected";
    }
    if (c.tags().stream().anyMatch(o.skipTags()::contains)) {
      return "tag skipped";
    }
    return null;
  }

  private static String labels(Set<Tag> tags) {
    return tags.stream().map(Tag::label).sorted().collect(Collectors.joining(","));
  }

  private static CaseResult result(ConformanceCase c, Outcome outcome, String reason, String curl, Duration elapsed) {
    return new CaseResult(c.id(), c.title(), c.endpoint(), c.tags(), c.capabilities(), c.source(), outcome,
        reason == null ? "" : reason, curl, elapsed);
  }
}
