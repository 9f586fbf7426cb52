package dev.druidtasks.server.app;

import static dev.druidtasks.server.app.LayeredSource.flag;

import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.util.function.Function;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code serve} (and {@code worker}): runs a node with no config file needed. Its configuration is
 * the bundled {@code druid-tasks.yml}, whose {@code ${DRUID_TASKS_…:-default}} take the flag, else the
 * environment variable; a {@code --config} file is layered over it.
 */
final class ServeCommand extends ServerCommand<DruidTasksConfiguration> {
  private final Role role;
  private final Function<String, String> env;

  ServeCommand(Application<DruidTasksConfiguration> app, Role role, String description, Function<String, String> env) {
    super(app, role.command, description);
    this.role = role;
    this.env = env;
  }

  @Override
  public void configure(Subparser subparser) {
    LayeredSource.databaseFlags(subparser, "where the embedded database, segments and task files live (default ./var)");
    flag(subparser, "--port", "PORT", "HTTP port of the API (default 8888)").type(Integer.class);
    flag(subparser, "--admin-port", "ADMIN_PORT", "HTTP port of the admin endpoints: health checks, metrics"
        + " (default 8889)").type(Integer.class);
    flag(subparser, "--capacity", "CAPACITY", "tasks this node's worker runs at once (default 2)")
        .type(Integer.class);
    flag(subparser, "--host", "HOST", "host name this node reports as task location (default localhost)");
    flag(subparser, "--auth", "AUTH", "none (default: everyone may do everything) or basic (Druid's basic security)");
    flag(subparser, "--admin-password", "ADMIN_PASSWORD", "with --auth basic: the initial password of admin");
    flag(subparser, "--admin-password-file", "ADMIN_PASSWORD_FILE", "with --auth basic: a file whose first line is"
        + " the initial password of admin");
    flag(subparser, "--drain-timeout", "DRAIN_TIMEOUT", "on stop, how long the worker lets running tasks finish"
        + " before it stops them, e.g. 30s (default 0s: at once)");
    flag(subparser, "--simulate", "SIMULATE", "Druid task types to simulate (index_kafka, query_controller, ...):"
        + " all (default), none, or names separated by commas");
    flag(subparser, "--control-api", "CONTROL_API", "true (default) or false: the control API for tests under"
        + " /druid-tasks/v1/control");
    if (role == Role.WORKER) {
      flag(subparser, "--scheduler", "SCHEDULER", "also take part in the scheduler's leadership (and so answer the"
          + " Tasks API, as /leader may name this node)").action(Arguments.storeConst()).setConst("true");
    }
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace ns) throws Exception {
    LayeredSource.install(bootstrap, ns, env, role.defaults::get);
    super.run(bootstrap, ns);
  }

  @Override
  protected void run(Bootstrap<DruidTasksConfiguration> bootstrap, Namespace ns, DruidTasksConfiguration config)
      throws Exception {
    int min = role == Role.WORKER ? 1 : 0;
    if (config.getWorkerCapacity() < min) {
      throw new IllegalArgumentException("--capacity must be at least " + min + ", got " + config.getWorkerCapacity()
          + (role == Role.WORKER ? "" : " (0: no worker on this node)"));
    }
    config.setRole(role);
    super.run(bootstrap, ns, config);
  }

  /** A bad option is said in one line, not as a stack trace. */
  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    if (e instanceof IllegalArgumentException) {
      cli.getStdErr().println(e.getMessage());
    } else {
      super.onError(cli, namespace, e);
    }
  }
}
