package dev.druidtasks.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A real Apache Druid 33 on loopback: ZooKeeper, a coordinator that is also the Overlord (the Tasks
 * API, with Derby as its metadata store), and a MiddleManager that forks a JVM per task. {@link #start}
 * returns once the MiddleManager has registered, i.e. once tasks can run; {@link #close} stops
 * exactly the processes it started, task JVMs included. Started with {@link BasicSecurity}, it
 * loads druid-basic-security and every request needs HTTP Basic credentials.
 */
public final class ReferenceDruid implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(250);

  private final ReferenceDruidConfig config;
  private final StartedProcesses processes;
  private final Map<DruidService, Process> byService = new EnumMap<>(DruidService.class);
  private final Duration startTime;
  private final Thread stopOnExit;

  private ReferenceDruid(ReferenceDruidConfig config) {
    this.config = config;
    this.processes = new StartedProcesses(config.workDir());
    this.stopOnExit = new Thread(processes::stopAll, "reference-druid-stop");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    long t0 = System.nanoTime();
    try {
      launch();
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
    this.startTime = Duration.ofNanos(System.nanoTime() - t0);
  }

  /** Starts Druid and waits until it can run tasks. */
  public static ReferenceDruid start(ReferenceDruidConfig config) {
    return new ReferenceDruid(config);
  }

  /** The Overlord's base URL, e.g. {@code http://localhost:8081}. */
  public URI overlord() {
    return URI.create("http://localhost:" + config.ports().coordinator());
  }

  /** From the first process launched to the MiddleManager's registration. */
  public Duration startTime() {
    return startTime;
  }

  public ReferenceDruidConfig config() {
    return config;
  }

  /** The services' processes and, at this moment, their children (the task JVMs). */
  public List<ProcessHandle> processTree() {
    List<ProcessHandle> out = new ArrayList<>();
    for (Process p : byService.values()) {
      out.add(p.toHandle());
      p.toHandle().descendants().forEach(out::add);
    }
    return out;
  }

  /** Where each service writes its output. */
  public static Path logFile(Path workDir, String service) {
    return workDir.resolve("log").resolve(service + ".log");
  }

  /** Stops the processes that a detached start recorded in {@code workDir}; returns how many were running. */
  public static int stopRecorded(Path workDir) {
    return StartedProcesses.recorded(workDir.toAbsolutePath().normalize()).stopAll();
  }

  /** Leaves Druid running after this JVM exits; {@link #stopRecorded} ends it later. */
  public void detach() {
    Runtime.getRuntime().removeShutdownHook(stopOnExit);
  }

  /** Stops the processes; also run when this JVM exits, so a killed test run leaves no Druid behind. */
  @Override
  public void close() {
    processes.stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException e) {
      // the JVM is already exiting, and the hook is running or has run
    }
  }

  private void launch() {
    DruidLib.check(config.libDir());
    if (config.security().isPresent()) {
      DruidLib.checkBasicSecurity(config.extensionsDir());
    }
    List<Integer> busy = config.ports().busy(config.workerCapacity());
    if (!busy.isEmpty()) {
      throw new IllegalStateException("ports " + busy + " are in use on loopback (another Druid, or a reference "
          + "Druid still running: 'stop' it, or choose other ports)");
    }
    try {
      Files.createDirectories(config.workDir().resolve("log"));
      Files.createDirectories(config.workDir().resolve("var").resolve("tmp"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DruidConf.write(config);
    linkSample();
    long deadline = System.nanoTime() + config.startTimeout().toNanos();
    launch(DruidService.ZOOKEEPER);
    awaitPort(config.ports().zooKeeper(), deadline);
    launch(DruidService.COORDINATOR);
    launch(DruidService.MIDDLE_MANAGER);
    awaitWorker(deadline);
  }

  /** Tasks run in the work dir: the doc's sample spec reads {@code quickstart/tutorial/} from there. */
  private void linkSample() {
    Path sample = config.libDir().resolveSibling("quickstart");
    Path link = config.workDir().resolve("quickstart");
    if (Files.isDirectory(sample) && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.createSymbolicLink(link, sample);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot link the Wikipedia sample into " + link, e);
      }
    }
  }

  private void launch(DruidService service) {
    ProcessBuilder pb = new ProcessBuilder(service.command(config))
        .directory(config.workDir().toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(config.workDir(), service.label()).toFile()));
    pb.environment().remove("CLASSPATH");
    try {
      Process p = pb.start();
      byService.put(service, p);
      processes.add(p.toHandle());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + service.label() + " with " + config.java(), e);
    }
  }

  private void awaitPort(int port, long deadline) {
    while (true) {
      checkAlive();
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("localhost", port), 500);
        return;
      } catch (IOException e) {
        pause(deadline, "ZooKeeper to listen on port " + port);
      }
    }
  }

  /** Ready: the Overlord lists a worker, so a task submitted now can run. */
  private void awaitWorker(long deadline) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest.Builder request = HttpRequest.newBuilder(overlord().resolve("/druid/indexer/v1/workers"))
        .timeout(Duration.ofSeconds(5)).GET();
    // secured, the worker list needs STATE READ: the admin has it
    config.security().ifPresent(s -> request.header("Authorization", s.adminAuthorization()));
    HttpRequest workers = request.build();
    boolean refused = false;
    while (true) {
      checkAlive();
      try {
        HttpResponse<String> r = http.send(workers, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() == 200 && r.body().contains("\"worker\"")) {
          return;
        }
        // Druid sets the initial passwords on a first start only; a 401 during start-up may also be transient
        refused = r.statusCode() == 401;
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the reference Druid", e);
      }
      pause(deadline, "a MiddleManager to register with the Overlord at " + overlord() + (refused
          ? " (it answers 401 to the admin: metadata kept from an earlier start keeps its first passwords; use --clean)"
          : ""));
    }
  }

  private void checkAlive() {
    for (var e : byService.entrySet()) {
      if (!e.getValue().isAlive()) {
        throw new IllegalStateException("the reference Druid's " + e.getKey().label() + " exited with code "
            + e.getValue().exitValue() + "; its output ends with:\n" + tail(e.getKey().label()));
      }
    }
  }

  private void pause(long deadline, String what) {
    if (System.nanoTime() > deadline) {
      StringBuilder logs = new StringBuilder();
      for (DruidService s : byService.keySet()) {
        logs.append("\n--- ").append(s.label()).append(" ---\n").append(tail(s.label()));
      }
      throw new IllegalStateException("the reference Druid did not start within " + config.startTimeout().toSeconds()
          + " s: no " + what + logs);
    }
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the reference Druid", e);
    }
  }

  private String tail(String service) {
    try {
      List<String> lines = Files.readAllLines(logFile(config.workDir(), service), StandardCharsets.UTF_8);
      return String.join("\n", new ArrayList<>(lines.subList(Math.max(0, lines.size() - 30), lines.size())));
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }
}
