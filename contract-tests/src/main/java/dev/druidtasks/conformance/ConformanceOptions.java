package dev.druidtasks.conformance;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What to run against which target.
 *
 * @param target base URL of the target (e.g. {@code http://localhost:8888})
 * @param user basic-auth user, or null for none
 * @param password basic-auth password
 * @param only endpoints (operation ids, enum names or paths) or case ids to run; empty = all
 * @param tags cases with at least one of these tags run; others are DISABLED
 * @param skipTags cases with any of these tags are DISABLED
 * @param capabilitiesOff capabilities the target lacks: their cases are SKIPPED
 * @param reportDir where to write {@code TEST-conformance.xml} and {@code conformance-report.md}; null = none
 * @param specFile the OpenAPI document to validate against; null = {@code tasks-api.yaml} from the classpath
 * @param timeout bound on each wait for a task state
 * @param out where progress lines and the summary go; null = nowhere
 */
public record ConformanceOptions(
    URI target,
    String user,
    String password,
    List<String> only,
    Set<Tag> tags,
    Set<Tag> skipTags,
    Set<Capability> capabilitiesOff,
    Path reportDir,
    Path specFile,
    Duration timeout,
    PrintStream out) {

  public ConformanceOptions {
    if (target == null) {
      throw new IllegalArgumentException("target is required");
    }
    only = List.copyOf(only);
    tags = tags.isEmpty() ? Set.of() : Set.copyOf(tags);
    skipTags = Set.copyOf(skipTags);
    capabilitiesOff = Set.copyOf(capabilitiesOff);
    if (capabilitiesOff.contains(Capability.CORE)) {
      throw new IllegalArgumentException("the core capability cannot be turned off");
    }
  }

  /**
   * The cases that judge the doc's behaviour (tag {@code doc}, which includes the cases Druid and
   * the doc agree on), all capabilities, 60 s waits, output to {@code System.out}, no report files.
   * Against Druid 33 use {@code withTags(Tag.DRUID)}.
   */
  public static ConformanceOptions forTarget(URI target) {
    return new ConformanceOptions(target, null, null, List.of(), EnumSet.of(Tag.DOC), Set.of(), Set.of(), null,
        null, Duration.ofSeconds(60), System.out);
  }

  public ConformanceOptions withCredentials(String user, String password) {
    return new ConformanceOptions(target, user, password, only, tags, skipTags, capabilitiesOff, reportDir, specFile,
        timeout, out);
  }

  public ConformanceOptions withOnly(String... endpointsOrCaseIds) {
    return new ConformanceOptions(target, user, password, Arrays.asList(endpointsOrCaseIds), tags, skipTags,
        capabilitiesOff, reportDir, specFile, timeout, out);
  }

  public ConformanceOptions withTags(Tag... selected) {
    return new ConformanceOptions(target, user, password, only, Set.of(selected), skipTags, capabilitiesOff, reportDir,
        specFile, timeout, out);
  }

  public ConformanceOptions withSkipTags(Tag... skipped) {
    return new ConformanceOptions(target, user, password, only, tags, Set.of(skipped), capabilitiesOff, reportDir,
        specFile, timeout, out);
  }

  public ConformanceOptions withCapabilitiesOff(Capability... off) {
    return new ConformanceOptions(target, user, password, only, tags, skipTags, Set.of(off), reportDir, specFile,
        timeout, out);
  }

  public ConformanceOptions withReportDir(Path dir) {
    return new ConformanceOptions(target, user, password, only, tags, skipTags, capabilitiesOff, dir, specFile,
        timeout, out);
  }

  public ConformanceOptions withSpecFile(Path file) {
    return new ConformanceOptions(target, user, password, only, tags, skipTags, capabilitiesOff, reportDir, file,
        timeout, out);
  }

  public ConformanceOptions withTimeout(Duration waitBound) {
    return new ConformanceOptions(target, user, password, only, tags, skipTags, capabilitiesOff, reportDir, specFile,
        waitBound, out);
  }

  public ConformanceOptions withOutput(PrintStream stream) {
    return new ConformanceOptions(target, user, password, only, tags, skipTags, capabilitiesOff, reportDir, specFile,
        timeout, stream);
  }

  public Optional<Path> reportDirectory() {
    return Optional.ofNullable(reportDir);
  }
}
