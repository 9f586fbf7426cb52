package dev.druidtasks.server.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.druidtasks.server.ingest.spec.PathConfinement;
import dev.druidtasks.server.store.Migrations;
import dev.druidtasks.server.store.TaskSeed;
import dev.druidtasks.server.task.TaskType;
import dev.druidtasks.server.task.TaskTypeRegistry;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.jackson.Jackson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code seed --tasks N}: loads N realistic complete tasks (several data sources and types over the
 * last {@code --days}, successes and failures, payloads of real size) straight into the database,
 * for benchmarks at scale. The server must not be running on the same embedded database.
 */
final class SeedCommand extends ConfiguredCommand<DruidTasksConfiguration> {
  private static final long PROGRESS_EVERY = 100_000;
  private final Function<String, String> env;

  SeedCommand(Function<String, String> env) {
    super("seed", "Loads N realistic complete tasks straight into the database, for benchmarks");
    this.env = env;
  }

  @Override
  public void configure(Subparser p) {
    p.addArgument("--tasks").type(Long.class).required(true).help("how many tasks to add");
    LayeredSource.databaseFlags(p, "the data dir whose embedded database is seeded (default ./var); the server must"
        + " be stopped");
    p.addArgument("--datasources").type(Integer.class).setDefault(8).help("data sources (default 8)");
    p.addArgument("--days").type(Integer.class).setDefault(365).help("days the tasks are spread over, up to now"
        + " (default 365)");
    p.addArgument("--parallel").type(Integer.class).setDefault(2).help("COPY streams at once (default 2)");
    p.addArgument("--random-seed").type(Long.class).setDefault(15L).help("makes the same tasks again (default 15)");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace ns) throws Exception {
    LayeredSource.install(bootstrap, ns, env, name -> null);
    super.run(bootstrap, ns);
  }

  @Override
  protected void run(Bootstrap<DruidTasksConfiguration> bootstrap, Namespace ns, DruidTasksConfiguration config)
      throws Exception {
    long tasks = ns.getLong("tasks");
    int dataSources = ns.getInt("datasources");
    int days = ns.getInt("days");
    int parallel = ns.getInt("parallel");
    if (tasks < 1 || dataSources < 1 || days < 1 || parallel < 1) {
      throw new IllegalArgumentException("--tasks, --datasources, --days and --parallel must be at least 1");
    }
    Plan plan = new Plan(tasks, dataSources, Duration.ofDays(days), parallel, ns.getLong("random_seed"));
    ManagedDatabase.around(config, db -> seed(plan, db.getUrl(), db.getUser(), db.getPassword()));
  }

  record Plan(long tasks, int dataSources, Duration span, int parallel, long randomSeed) {}

  /**
   * Adds the plan's tasks over {@code parallel} COPY streams, task {@code i} on stream {@code i mod parallel},
   * each in a transaction committed once all are sent; prints progress and the rate.
   */
  static void seed(Plan plan, String url, String user, String password) throws Exception {
    Migrations.apply(url, user, password);
    ObjectMapper json = Jackson.newObjectMapper();
    PathConfinement ingest = PathConfinement.under(Path.of("").toAbsolutePath()); // seeded input is inline: no file is read
    TaskTypeRegistry registry = new TaskTypeRegistry(Clock.systemUTC(),
        DruidTasksApplication.realTaskTypes(ingest).toArray(TaskType[]::new));
    SeedPayloads payloads = new SeedPayloads(json, registry);
    List<SeedDataSource> dataSources = SeedDataSource.first(plan.dataSources());
    Instant end = Instant.now();
    long t0 = System.nanoTime();
    AtomicLong sent = new AtomicLong();
    List<TaskSeed> streams = new ArrayList<>();
    ExecutorService senders = Executors.newFixedThreadPool(plan.parallel());
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int s = 0; s < plan.parallel(); s++) {
        TaskSeed seed = TaskSeed.open(url, user, password);
        streams.add(seed);
        int stream = s;
        SeedHistory history = new SeedHistory(payloads, dataSources, end, plan.span(), plan.tasks(),
            plan.randomSeed() + s);
        done.add(senders.submit(() -> {
          for (long i = stream; i < plan.tasks(); i += plan.parallel()) {
            seed.add(history.task(i));
            long n = sent.incrementAndGet();
            if (n % PROGRESS_EVERY == 0) {
              System.out.printf("  %,d tasks sent (%.1f s)%n", n, (System.nanoTime() - t0) / 1e9);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      for (TaskSeed seed : streams) {
        seed.commit();
      }
      streams.get(0).analyze();
      double s = (System.nanoTime() - t0) / 1e9;
      long chars = streams.stream().mapToLong(TaskSeed::payloadChars).sum();
      System.out.printf("seeded %,d tasks in %.1f s (%,.0f tasks/s; %,d MB of payload, %d data sources, %d days)%n",
          plan.tasks(), s, plan.tasks() / s, chars >> 20, plan.dataSources(), plan.span().toDays());
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      senders.shutdownNow();
      for (TaskSeed seed : streams) {
        seed.close();
      }
    }
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    if (e instanceof IllegalArgumentException) {
      cli.getStdErr().println(e.getMessage());
    } else {
      super.onError(cli, namespace, e);
    }
  }
}
