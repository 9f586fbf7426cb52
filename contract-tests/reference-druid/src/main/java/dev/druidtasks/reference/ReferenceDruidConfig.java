package dev.druidtasks.reference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to start a reference Druid.
 *
 * @param workDir configuration, metadata (Derby), segments, task logs and process logs live here
 * @param libDir Druid 33's jars ({@code druid-lib/target/lib})
 * @param java the {@code java} binary of the Druid processes
 * @param workerCapacity task slots of the MiddleManager (one JVM each)
 * @param startTimeout how long {@link ReferenceDruid#start} waits for a MiddleManager to register
 */
public record ReferenceDruidConfig(Path workDir, Path libDir, Path java, Ports ports, int workerCapacity,
    Duration startTimeout) {

  public static final int DEFAULT_CAPACITY = 2;
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(4);

  public ReferenceDruidConfig {
    workDir = workDir.toAbsolutePath().normalize();
    libDir = libDir.toAbsolutePath().normalize();
    if (workerCapacity < 1) {
      throw new IllegalArgumentException("workerCapacity must be at least 1");
    }
  }

  /** Druid's default ports, two slots, the JVM that runs this code, the jars next to this module's build. */
  public static ReferenceDruidConfig defaults(Path workDir) {
    return new ReferenceDruidConfig(workDir, DruidLib.locate(), currentJava(), Ports.DRUID_DEFAULTS,
        DEFAULT_CAPACITY, DEFAULT_START_TIMEOUT);
  }

  public ReferenceDruidConfig withPorts(Ports p) {
    return new ReferenceDruidConfig(workDir, libDir, java, p, workerCapacity, startTimeout);
  }

  public ReferenceDruidConfig withLibDir(Path dir) {
    return new ReferenceDruidConfig(workDir, dir, java, ports, workerCapacity, startTimeout);
  }

  public ReferenceDruidConfig withWorkerCapacity(int slots) {
    return new ReferenceDruidConfig(workDir, libDir, java, ports, slots, startTimeout);
  }

  public ReferenceDruidConfig withStartTimeout(Duration timeout) {
    return new ReferenceDruidConfig(workDir, libDir, java, ports, workerCapacity, timeout);
  }

  static Path currentJava() {
    Path home = Path.of(System.getProperty("java.home"));
    Path java = home.resolve("bin").resolve("java");
    return Files.isExecutable(java) ? java : Path.of("java");
  }
}
