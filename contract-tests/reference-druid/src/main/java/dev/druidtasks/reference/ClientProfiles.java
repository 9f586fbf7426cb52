package dev.druidtasks.reference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the client-profile jar (Druid 33's own clients) against a target in a JVM of its own, on Druid's
 * classpath, and reads back its per-call report.
 */
public final class ClientProfiles {
  /** System property that names the client-profiles jar explicitly. */
  public static final String JAR_PROPERTY = "druidtasks.client-profiles.jar";

  private ClientProfiles() {}

  /** One call as the report gives it: {@code outcome} is PASS, FAIL or QUIRK. */
  public record Call(String profile, String call, String request, String outcome, String detail, long millis) {}

  public record Report(String profiles, String target, String dataSource, Map<String, Long> tally, List<Call> calls) {
    public List<Call> with(String outcome) {
      return calls.stream().filter(c -> c.outcome().equals(outcome)).toList();
    }
  }

  /**
   * Runs every client profile; its console output goes to {@code <reportDir>/<name>.log}, the
   * report to {@code <reportDir>/<name>.json}. Fails if the run does not end within {@code bound}.
   */
  public static Report run(URI target, Path reportDir, String name, Duration bound)
      throws IOException, InterruptedException {
    Path lib = DruidLib.locate();
    DruidLib.check(lib);
    Path jar = locateJar();
    Files.createDirectories(reportDir);
    Path report = reportDir.resolve(name + ".json");
    Path log = reportDir.resolve(name + ".log");
    Files.deleteIfExists(report);
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(javaBin, "-Xmx512m", "-cp", jar + File.pathSeparator + lib.resolve("*"),
        "dev.druidtasks.clients.ClientProfilesMain", "--target", target.toString(), "--report", report.toString(),
        "--timeout-seconds", "120")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly().waitFor();
      throw new IllegalStateException("the client profile did not end within " + bound + "; see " + log);
    }
    if (!Files.exists(report)) {
      throw new IllegalStateException("the client profile wrote no report (exit " + p.exitValue() + "); see " + log);
    }
    return new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .readValue(report.toFile(), Report.class);
  }

  private static Path locateJar() {
    String explicit = System.getProperty(JAR_PROPERTY);
    Path jar = explicit != null && !explicit.isBlank() ? Path.of(explicit)
        : DruidLib.moduleDir().resolveSibling("client-profiles").resolve("target")
            .resolve("druid-tasks-client-profiles.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no client-profiles jar at " + jar + ": build it first with "
          + "'mvn -q -DskipTests package' at the repository root, or set -D" + JAR_PROPERTY + "=FILE");
    }
    return jar;
  }
}
