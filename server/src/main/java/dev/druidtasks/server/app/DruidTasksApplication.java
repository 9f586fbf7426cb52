package dev.druidtasks.server.app;

import dev.druidtasks.server.api.BasicAuthFilter;
import dev.druidtasks.server.api.ControlResource;
import dev.druidtasks.server.api.ControlTargets;
import dev.druidtasks.server.store.ControlDao;
import dev.druidtasks.server.task.TaskType;
import dev.druidtasks.server.task.simulated.SimulatedTaskType;
import dev.druidtasks.server.task.simulated.SimulationControl;
import dev.druidtasks.server.api.MetricsFilter;
import dev.druidtasks.server.metrics.MetricsEndpoint;
import dev.druidtasks.server.store.ActiveTaskCountDao;
import dev.druidtasks.server.auth.Security;
import dev.druidtasks.server.store.AuditDao;
import dev.druidtasks.server.store.SecurityDao;
import java.util.Optional;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.druidtasks.server.api.ApiResources;
import dev.druidtasks.server.api.BodyDrain;
import dev.druidtasks.server.api.JsonErrorHandler;
import dev.druidtasks.server.api.MediaTypeCheck;
import dev.druidtasks.server.api.OverlordResource;
import dev.druidtasks.server.api.StatusResource;
import dev.druidtasks.server.engine.EngineConfig;
import dev.druidtasks.server.engine.TaskQueue;
import dev.druidtasks.server.engine.TaskScheduler;
import dev.druidtasks.server.engine.TaskWorker;
import dev.druidtasks.server.ingest.CompactTaskType;
import dev.druidtasks.server.ingest.IndexTaskType;
import dev.druidtasks.server.ingest.spec.PathConfinement;
import dev.druidtasks.server.store.LeaderLatch;
import dev.druidtasks.server.store.Migrations;
import dev.druidtasks.server.store.TaskStore;
import dev.druidtasks.server.task.TaskTypeRegistry;
import dev.druidtasks.server.task.kill.KillTaskType;
import dev.druidtasks.server.task.noop.NoopTaskType;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.migrations.MigrationsBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.NetworkConnector;
import org.jdbi.v3.core.Jdbi;

/** The druid-tasks node: the Tasks API, the scheduler and a worker, over PostgreSQL. */
public class DruidTasksApplication extends Application<DruidTasksConfiguration> {
  public static final String VERSION = "33.0.0-druid-tasks";

  public static void main(String[] args) throws Exception {
    new DruidTasksApplication().run(args.length == 0 ? new String[] {"serve"} : args);
  }

  @Override
  public String getName() {
    return "druid-tasks";
  }

  @Override
  public void initialize(Bootstrap<DruidTasksConfiguration> bootstrap) {
    Migrations.quiet();
    bootstrap.addCommand(new ServeCommand(this, Role.ALL,
        "Runs the Tasks API, the scheduler and a worker (the default command)", System::getenv));
    bootstrap.addCommand(new ServeCommand(this, Role.WORKER,
        "Runs a worker only: claims and runs tasks from the shared database", System::getenv));
    bootstrap.addCommand(new SeedCommand(System::getenv));
    bootstrap.addCommand(new UsersCommand(System::getenv));
    bootstrap.addBundle(new MigrationsBundle<>() {
      @Override
      public DataSourceFactory getDataSourceFactory(DruidTasksConfiguration config) {
        ManagedDatabase.startIfEmbedded(config); // the process ends with the command, and the database with it
        return config.getDatabase();
      }
    });
  }

  /** The task types this server runs for real (the others it knows are simulated). */
  static List<TaskType> realTaskTypes(PathConfinement ingest) {
    return List.of(new NoopTaskType(), new IndexTaskType("index_parallel", ingest), new IndexTaskType("index", ingest),
        new KillTaskType(), new CompactTaskType());
  }

  @Override
  public void run(DruidTasksConfiguration config, Environment env) throws Exception {
    // task times follow a clock the control API may move forward; worker liveness keeps real time
    VirtualClock clock = new VirtualClock(Clock.systemUTC());
    ObjectMapper json = env.getObjectMapper();
    Path dataDir = Path.of(config.getDataDir()).toAbsolutePath().normalize();
    Files.createDirectories(dataDir);

    ManagedDatabase.startIfEmbedded(config).ifPresent(env.lifecycle()::manage);
    DataSourceFactory db = config.getDatabase();
    Migrations.apply(db.getUrl(), db.getUser(), db.getPassword());
    Jdbi jdbi = new JdbiFactory().build(env, db, "postgresql");
    TaskStore store = TaskStore.on(jdbi, json);

    Path workingDir = Path.of("").toAbsolutePath();
    List<Path> roots = !config.isLocalInput() ? List.of()
        : config.getAllowedInputRoots().isEmpty() ? List.of(workingDir)
        : config.getAllowedInputRoots().stream().map(r -> workingDir.resolve(r).normalize()).toList();
    // the database, task logs and segments are never input, whatever the roots
    PathConfinement ingest = new PathConfinement(roots, List.of(dataDir), workingDir);
    SimulationControl simulations = new SimulationControl();
    List<TaskType> types = new java.util.ArrayList<>(realTaskTypes(ingest));
    types.addAll(SimulatedTaskType.of(config.getSimulation().simulatedTypes(), simulations));
    TaskTypeRegistry registry = new TaskTypeRegistry(clock, types.toArray(TaskType[]::new));

    EngineConfig engine = new EngineConfig(config.getHost(), config.getWorkerCapacity(),
        config.getTick().toJavaDuration(), config.getHeartbeatPeriod().toJavaDuration(),
        config.getWorkerTimeout().toJavaDuration(), config.getDrainTimeout().toJavaDuration(),
        dataDir.resolve("segments"), dataDir.resolve("task-work"));
    TaskWorker worker = new TaskWorker(store, registry, json, engine, clock);
    // the URL this node serves at, known once Jetty has bound its port
    var selfUrl = new java.util.concurrent.atomic.AtomicReference<String>();
    LeaderLatch leadership = new LeaderLatch(LeaderLatch.connections(db.getUrl(), db.getUser(), db.getPassword()),
        selfUrl::get);
    TaskScheduler scheduler = new TaskScheduler(store, leadership, engine, clock, worker::wake);
    worker.livenessClock(Clock.systemUTC());
    scheduler.livenessClock(Clock.systemUTC());
    TaskQueue queue = new TaskQueue(store, registry, json, clock);
    queue.onChange(scheduler::wake);
    queue.onChange(worker::wake);
    // Prometheus' /metrics on the admin port: Druid's task metrics, the engine's, HTTP's and Dropwizard's
    MetricsEndpoint metrics = new MetricsEndpoint(env.metrics(), jdbi.onDemand(ActiveTaskCountDao.class));
    worker.observe(metrics.taskMetrics());
    scheduler.observe(metrics.taskMetrics());
    queue.observe(metrics.taskMetrics());
    env.admin().addServlet("prometheus", metrics.servlet()).addMapping("/metrics");
    env.jersey().register(new MetricsFilter(metrics.registry()));
    // a node that may lead answers as the Overlord: /leader may name it
    boolean schedules = config.getRole() == Role.ALL || config.isScheduler();

    env.lifecycle().manage(new Managed() {
      @Override
      public void stop() {
        worker.stop();
        scheduler.stop();
      }
    });
    // The worker reports the port it really listens on (it may be chosen at start) as task location; the
    // scheduler starts once the URL it records as the leader's is known.
    env.lifecycle().addServerLifecycleListener(server -> {
      server.setErrorHandler(new JsonErrorHandler(json));
      int port = ((NetworkConnector) server.getConnectors()[0]).getLocalPort();
      for (var connector : server.getConnectors()) {
        if (connector instanceof NetworkConnector nc && "application".equals(nc.getName())) {
          port = nc.getLocalPort();
        }
      }
      selfUrl.set("http://" + config.getHost() + ":" + port);
      if (config.isScheduler()) {
        scheduler.start();
      }
      if (config.getWorkerCapacity() > 0) { // else an API and scheduling node: workers elsewhere run the tasks
        worker.start(port);
      }
    });

    // with the connector's UNSAFE URI compliance: ids holding %2F or empty segments get the API's 404
    env.getApplicationContext().getServletHandler().setDecodeAmbiguousURIs(true);
    var requests = java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST);
    Optional<Security> security = Optional.empty();
    if (config.getAuth().enabled()) {
      Security basic = Security.over(SecurityDao.on(jdbi), config.getAuth().settings(), clock);
      basic.ensureInitialAdmin(config.getAuth().initialAdminPassword());
      // first, so nothing answers an unauthenticated request
      env.servlets().addFilter("basic-auth", new BasicAuthFilter(basic.authenticator(), json, config.getHost()))
          .addMappingForUrlPatterns(requests, false, "/*");
      security = Optional.of(basic);
    }
    env.servlets().addFilter("body-drain", new BodyDrain()).addMappingForUrlPatterns(requests, false, "/*");
    env.servlets().addFilter("media-type-check", new MediaTypeCheck(json)).addMappingForUrlPatterns(requests, false, "/*");
    Duration recent = config.getRecentlyFinishedThreshold().toJavaDuration();
    Optional<ControlResource> control = !config.getSimulation().isControlApi() ? Optional.empty()
        : Optional.of(new ControlResource(new ControlTargets(store, jdbi.onDemand(ControlDao.class), scheduler, worker,
            simulations, clock, engine.deepStorage())));
    ApiResources.register(env.jersey(), store, queue, json, clock, recent, schedules,
        new StatusResource(VERSION, config.getRole().text(), config.getWorkerCapacity(),
            () -> scheduler.healthy() && worker.healthy()),
        new OverlordResource(store, leadership::holds, selfUrl::get), security, AuditDao.on(jdbi), control);
  }
}
