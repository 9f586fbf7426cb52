package dev.druidtasks.reference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start a reference Druid.
 *
 * @param workDir configuration, metadata (Derby), segments, task logs and process logs live here
 * @param libDir Druid 33's jars ({@code druid-lib/target/lib})
 * @param java the {@code java} binary of the Druid processes
 * @param workerCapacity task slots of the MiddleManager (one JVM each)
 * @param startTimeout how long {@link ReferenceDruid#start} waits for a MiddleManager to register
 * @param security empty: Druid's allow-all, as a default start; present: druid-basic-security loaded
 */
public record ReferenceDruidConfig(Path workDir, Path libDir, Path java, Ports ports, int workerCapacity,
    Duration startTimeout, Optional<BasicSecurity> security) {

  public static final int DEFAULT_CAPACITY = 2;
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(4);

  public ReferenceDruidConfig {
    workDir = workDir.toAbsolutePath().normalize();
    libDir = libDir.toAbsolutePath().normalize();
    Objects.requireNonNull(security, "security");
    if (workerCapacity < 1) {
      throw new IllegalArgumentException("workerCapacity must be at least 1");
    }
  }

  /** Druid's default ports, two slots, the JVM that runs this code, the jars next to this module's build. */
  public static ReferenceDruidConfig defaults(Path workDir) {
    return new ReferenceDruidConfig(workDir, DruidLib.locate(), currentJava(), Ports.DRUID_DEFAULTS,
        DEFAULT_CAPACITY, DEFAULT_START_TIMEOUT, Optional.empty());
  }

  public ReferenceDruidConfig withPorts(Ports p) {
    return new ReferenceDruidConfig(workDir, libDir, java, p, workerCapacity, startTimeout, security);
  }

  public ReferenceDruidConfig withLibDir(Path dir) {
    return new ReferenceDruidConfig(workDir, dir, java, ports, workerCapacity, startTimeout, security);
  }

  public ReferenceDruidConfig withWorkerCapacity(int slots) {
    return new ReferenceDruidConfig(workDir, libDir, java, ports, slots, startTimeout, security);
  }

  public ReferenceDruidConfig withStartTimeout(Duration timeout) {
    return new ReferenceDruidConfig(workDir, libDir, java, ports, workerCapacity, timeout, security);
  }

  public ReferenceDruidConfig withBasicSecurity(BasicSecurity basic) {
    return new ReferenceDruidConfig(workDir, libDir, java, ports, workerCapacity, startTimeout, Optional.of(basic));
  }

  /** Druid's extensions directory, laid out by the druid-lib module beside the jars. */
  public Path extensionsDir() {
    return libDir.resolveSibling("extensions");
  }

  static Path currentJava() {
    Path home = Path.of(System.getProperty("java.home"));
    Path java = home.resolve("bin").resolve("java");
    return Files.isExecutable(java) ? java : Path.of("java");
  }
}
