package dev.druidtasks.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code java -jar druid-tasks-load.jar --target URL --scenario …}: drives any Tasks API over HTTP and reports. */
@Command(name = "druid-tasks-load", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Sends load to a Druid Tasks API (/druid/indexer/v1) and reports per operation: count, errors by"
        + " status, throughput and p50/p90/p99/max latency. With --rate, a constant rate whose latencies count from"
        + " each request's intended start; without, closed loop.")
public final class LoadCommand implements Callable<Integer> {
  /** Setup failed, or the report could not be written. */
  public static final int FAILED = 1;

  @Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = "--target", required = true, description = "base URL of the target, e.g. http://localhost:8888")
  private URI target;

  @Option(names = "--scenario", required = true, converter = ScenarioConverter.class,
      description = "submit | poll | list | bulk-status | lifecycle | mixed")
  private Scenario scenario;

  @Option(names = "--clients", defaultValue = "4", description = "concurrent clients (default ${DEFAULT-VALUE})")
  private int clients;

  @Option(names = "--duration", defaultValue = "10", description = "seconds measured (default ${DEFAULT-VALUE})")
  private double durationSeconds;

  @Option(names = "--rate", defaultValue = "0",
      description = "requests per second of all clients together, constant; 0: closed loop (default)")
  private double rate;

  @Option(names = "--max-requests", defaultValue = "1000000",
      description = "at most this many requests after setup, warm-up included (default ${DEFAULT-VALUE})")
  private long maxRequests;

  @Option(names = "--warmup", defaultValue = "1", description = "seconds run before measuring (default ${DEFAULT-VALUE})")
  private double warmupSeconds;

  @Option(names = "--timeout", defaultValue = "10", description = "seconds a request may take (default ${DEFAULT-VALUE})")
  private double timeoutSeconds;

  @Option(names = "--setup-timeout", defaultValue = "60", description = "seconds the setup may take (default ${DEFAULT-VALUE})")
  private double setupTimeoutSeconds;

  @Option(names = "--setup-tasks", defaultValue = "50",
      description = "noop tasks submitted before poll, bulk-status and mixed runs (default ${DEFAULT-VALUE})")
  private int setupTasks;

  @Option(names = "--bulk-ids", defaultValue = "1000", description = "ids in each POST /taskStatus (default ${DEFAULT-VALUE})")
  private int bulkIds;

  @Option(names = "--datasource", description = "the X of /tasks?state=complete&datasource=X (default: the data source"
      + " of the newest complete task)")
  private String dataSource;

  @Option(names = "--mix", split = ",", defaultValue = Scenario.DEFAULT_MIX,
      description = "weights of mixed, operation=weight,… (default ${DEFAULT-VALUE})")
  private Map<String, Integer> mix;

  @Option(names = "--run-time", defaultValue = "1", description = "runTime (ms) of the noop tasks (default ${DEFAULT-VALUE})")
  private long runTimeMs;

  @Option(names = "--poll-interval", defaultValue = "1",
      description = "ms between the status polls of lifecycle (default ${DEFAULT-VALUE})")
  private double pollIntervalMs;

  @Option(names = "--report", description = "also write the report as JSON to this file")
  private Path report;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs with these arguments, printing to standard output; returns the exit code. */
  public static int execute(String... args) {
    return new CommandLine(new LoadCommand()).execute(args);
  }

  @Override
  public Integer call() throws Exception {
    LoadPlan plan = plan();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ExecutorService io = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "load-http");
      t.setDaemon(true); // a target that never answers cannot keep the tool alive
      return t;
    });
    try {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(io)
          .connectTimeout(plan.requestTimeout()).build();
      Map<Operation, Integer> weights = plan.scenario().weights(plan.mix());
      Instant startedAt = Instant.now();
      Fixture fixture;
      try {
        fixture = new Setup(plan, http).prepare(weights);
      } catch (Setup.SetupException e) {
        err.println("setup failed: " + e.getMessage());
        return FAILED;
      }
      LoadReport result = LoadReport.of(plan, startedAt, fixture, new LoadRunner(plan, http, fixture, weights).run());
      out.print(ReportTable.render(result));
      out.flush();
      if (report != null) {
        Path parent = report.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(report.toFile(), result);
      }
      return 0;
    } catch (IOException e) {
      err.println("cannot write the report to " + report + ": " + e.getMessage());
      return FAILED;
    } finally {
      io.shutdownNow();
    }
  }

  private LoadPlan plan() {
    require(clients >= 1, "--clients must be at least 1");
    require(durationSeconds > 0, "--duration must be positive");
    require(rate >= 0, "--rate must not be negative");
    require(maxRequests >= 1, "--max-requests must be at least 1");
    require(warmupSeconds >= 0, "--warmup must not be negative");
    require(timeoutSeconds > 0 && setupTimeoutSeconds > 0, "--timeout and --setup-timeout must be positive");
    require(setupTasks >= 0 && bulkIds >= 1, "--setup-tasks must not be negative and --bulk-ids must be at least 1");
    require(runTimeMs >= 0, "--run-time must not be negative");
    require(pollIntervalMs >= 0, "--poll-interval must not be negative");
    require(target.getScheme() != null && target.getScheme().startsWith("http"), "--target must be an http(s) URL");
    try {
      scenario.weights(mix);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return new LoadPlan(target, scenario, clients, seconds(durationSeconds), rate, maxRequests, seconds(warmupSeconds),
        seconds(timeoutSeconds), seconds(setupTimeoutSeconds), setupTasks, bulkIds, dataSource, mix, runTimeMs,
        Duration.ofNanos((long) (pollIntervalMs * 1e6)));
  }

  private void require(boolean ok, String message) {
    if (!ok) {
      throw new CommandLine.ParameterException(spec.commandLine(), message);
    }
  }

  private static Duration seconds(double s) {
    return Duration.ofNanos((long) (s * 1e9));
  }

  static final class ScenarioConverter implements CommandLine.ITypeConverter<Scenario> {
    @Override
    public Scenario convert(String value) {
      try {
        return Scenario.labelled(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
