package dev.druidtasks.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code java -jar reference-druid.jar start|stop}: a real Druid 33 on loopback for the suite and for people. */
@Command(name = "reference-druid", mixinStandardHelpOptions = true,
    description = "Starts and stops a real Apache Druid 33.0.0 (ZooKeeper, coordinator-overlord, MiddleManager) on loopback.",
    subcommands = {ReferenceDruidMain.Start.class, ReferenceDruidMain.Stop.class, ReferenceDruidMain.Replay.class})
public final class ReferenceDruidMain {
  static final String DEFAULT_WORK_DIR = "var/reference-druid";

  public static void main(String[] args) {
    System.exit(new CommandLine(new ReferenceDruidMain()).execute(args));
  }

  @Command(name = "start", mixinStandardHelpOptions = true,
      description = "Starts Druid and waits until it can run tasks; stays in the foreground (Ctrl-C stops it) unless --detach.")
  static final class Start implements Callable<Integer> {
    @Option(names = "--work-dir", defaultValue = DEFAULT_WORK_DIR, description = "configuration, metadata, logs (default: ${DEFAULT-VALUE})")
    Path workDir;

    @Option(names = "--clean", description = "delete the work dir's data first (a Druid with no tasks)")
    boolean clean;

    @Option(names = "--detach", description = "exit once Druid is ready, leaving it running; 'stop' ends it")
    boolean detach;

    @Option(names = "--port-offset", defaultValue = "0", description = "added to Druid's default ports (Overlord 8081)")
    int portOffset;

    @Option(names = "--capacity", defaultValue = "2", description = "task slots of the MiddleManager (default: ${DEFAULT-VALUE})")
    int capacity;

    @Option(names = "--timeout-seconds", defaultValue = "240", description = "how long to wait for Druid to become ready")
    long timeoutSeconds;

    @Option(names = "--druid-lib", description = "directory of Druid's jars (default: druid-lib/target/lib of this module)")
    Path lib;

    @ArgGroup(exclusive = false, heading = "Security (default: none, Druid's allow-all)%n")
    SecurityOptions security;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
      ReferenceDruidConfig config = ReferenceDruidConfig.defaults(workDir)
          .withPorts(Ports.DRUID_DEFAULTS.shifted(portOffset))
          .withWorkerCapacity(capacity)
          .withStartTimeout(Duration.ofSeconds(timeoutSeconds));
      if (lib != null) {
        config = config.withLibDir(lib);
      }
      if (security != null) {
        try {
          config = config.withBasicSecurity(security.basicSecurity());
        } catch (IllegalArgumentException e) {
          // a usage error, answered as picocli answers one: the message and the usage, no stack trace
          throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
      }
      if (clean) { // only once the options are known to be good
        deleteTree(workDir.resolve("var"));
        deleteTree(workDir.resolve("log"));
      }
      ReferenceDruid druid = ReferenceDruid.start(config);
      System.out.printf("reference Druid 33.0.0 ready in %.1f s: Overlord %s%s (logs in %s)%n",
          druid.startTime().toMillis() / 1000.0, druid.overlord(),
          security == null ? "" : ", druid-basic-security on (user " + BasicSecurity.ADMIN + ")",
          config.workDir().resolve("log"));
      if (detach) {
        druid.detach();
        System.out.println("stop it with: java -jar contract-tests/reference-druid/target/reference-druid.jar stop --work-dir "
            + config.workDir());
        return 0;
      }
      // Ctrl-C ends the JVM, whose exit stops Druid.
      new CountDownLatch(1).await();
      return 0;
    }
  }

  /** Together or not at all: picocli refuses {@code --basic-security} without {@code --admin-password} and back. */
  static final class SecurityOptions {
    @Option(names = "--basic-security", required = true,
        description = "load druid-basic-security: HTTP Basic against users in the metadata store, one authenticator "
            + "and one authorizer named basic")
    boolean basicSecurity;

    @Option(names = "--admin-password", required = true, paramLabel = "P",
        description = "initial password of the user admin (set on a first start only: keep it, or --clean)")
    String adminPassword;

    @Option(names = "--internal-password", paramLabel = "Q",
        description = "initial password of druid_system, whom the services call each other as (default: internal-P)")
    String internalPassword;

    @Option(names = "--input-source-security",
        description = "druid.auth.enableInputSourceSecurity: reading an input source needs READ on EXTERNAL of its type")
    boolean inputSourceSecurity;

    BasicSecurity basicSecurity() {
      BasicSecurity basic = BasicSecurity.withAdminPassword(adminPassword);
      if (internalPassword != null) {
        basic = basic.withInternalClientPassword(internalPassword);
      }
      return basic.withInputSourceSecurity(inputSourceSecurity);
    }
  }

  @Command(name = "stop", mixinStandardHelpOptions = true,
      description = "Stops the processes a detached start recorded in the work dir, task JVMs included.")
  static final class Stop implements Callable<Integer> {
    @Option(names = "--work-dir", defaultValue = DEFAULT_WORK_DIR, description = "the work dir given to start (default: ${DEFAULT-VALUE})")
    Path workDir;

    @Override
    public Integer call() {
      int n = ReferenceDruid.stopRecorded(workDir);
      System.out.println(n == 0 ? "no reference Druid was running in " + workDir : "stopped " + n + " processes");
      return 0;
    }
  }

  @Command(name = "replay", mixinStandardHelpOptions = true,
      description = "Sends the differential replay's requests to a reference and a target and prints where their answers differ.")
  static final class Replay implements Callable<Integer> {
    @Option(names = "--reference", defaultValue = "http://localhost:8081", description = "the reference Druid (default: ${DEFAULT-VALUE})")
    java.net.URI reference;

    @Option(names = "--target", required = true, description = "the implementation to compare, e.g. http://localhost:8888")
    java.net.URI target;

    @Option(names = "--timeout-seconds", defaultValue = "180", description = "how long a task may take to reach a state")
    long timeoutSeconds;

    @Override
    public Integer call() {
      var result = dev.druidtasks.reference.replay.DifferentialReplay.run(reference, target,
          Duration.ofSeconds(timeoutSeconds));
      System.out.println(result.report());
      return result.differing().isEmpty() ? 0 : 1;
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
