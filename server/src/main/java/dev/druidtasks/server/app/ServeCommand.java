package dev.druidtasks.server.app;

import io.dropwizard.core.Application;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.util.Map;
import java.util.function.Function;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code serve} (and {@code worker}): runs a node with no config file needed. Flags win over
 * environment variables ({@code DRUID_TASKS_PORT}, …), which win over the config file.
 */
final class ServeCommand extends ServerCommand<DruidTasksConfiguration> {
  private final String role;
  private final Function<String, String> env;

  ServeCommand(Application<DruidTasksConfiguration> app, String name, String description, String role,
      Function<String, String> env) {
    super(app, name, description);
    this.role = role;
    this.env = env;
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("--config").dest("file").help("a Dropwizard YAML configuration file (optional)");
    subparser.addArgument("--port").type(Integer.class).help("HTTP port of the API (default 8888)");
    subparser.addArgument("--admin-port").dest("admin_port").type(Integer.class)
        .help("HTTP port of the admin endpoints: health checks, metrics (default 8889)");
    subparser.addArgument("--data-dir").dest("data_dir")
        .help("where the embedded database, segments and task files live (default ./var)");
    subparser.addArgument("--jdbc-url").dest("jdbc_url")
        .help("an external PostgreSQL, e.g. jdbc:postgresql://host:5432/druid; then no embedded database starts");
    subparser.addArgument("--db-user").dest("db_user").help("user of the external PostgreSQL");
    subparser.addArgument("--db-password").dest("db_password").help("password of the external PostgreSQL");
    subparser.addArgument("--capacity").type(Integer.class).help("tasks this node's worker runs at once (default 2)");
    subparser.addArgument("--host").help("host name this node reports as task location (default localhost)");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace ns) throws Exception {
    if (ns.getString("file") == null && env.apply("DRUID_TASKS_CONFIG") != null) {
      ns.getAttrs().put("file", env.apply("DRUID_TASKS_CONFIG"));
    }
    super.run(bootstrap, ns);
  }

  @Override
  protected void run(Bootstrap<DruidTasksConfiguration> bootstrap, Namespace ns, DruidTasksConfiguration config)
      throws Exception {
    Integer port = ns.getInt("port") != null ? ns.getInt("port") : intEnv("DRUID_TASKS_PORT");
    Integer adminPort = ns.getInt("admin_port") != null ? ns.getInt("admin_port") : intEnv("DRUID_TASKS_ADMIN_PORT");
    DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
    if (port != null) {
      ((HttpConnectorFactory) server.getApplicationConnectors().get(0)).setPort(port);
    }
    if (adminPort != null) {
      ((HttpConnectorFactory) server.getAdminConnectors().get(0)).setPort(adminPort);
    }
    String dataDir = pick(ns, "data_dir", "DRUID_TASKS_DATA_DIR");
    if (dataDir != null) {
      config.setDataDir(dataDir);
    }
    String jdbcUrl = pick(ns, "jdbc_url", "DRUID_TASKS_JDBC_URL");
    if (jdbcUrl != null) {
      config.getDatabase().setUrl(jdbcUrl);
    }
    String user = pick(ns, "db_user", "DRUID_TASKS_DB_USER");
    if (user != null) {
      config.getDatabase().setUser(user);
    }
    String password = pick(ns, "db_password", "DRUID_TASKS_DB_PASSWORD");
    if (password != null) {
      config.getDatabase().setPassword(password);
    }
    Integer capacity = ns.getInt("capacity") != null ? ns.getInt("capacity") : intEnv("DRUID_TASKS_CAPACITY");
    if (capacity != null) {
      config.setWorkerCapacity(capacity);
    }
    if (config.getWorkerCapacity() < 0 || "worker".equals(role) && config.getWorkerCapacity() == 0) {
      throw new IllegalArgumentException("--capacity must be at least " + ("worker".equals(role) ? 1 : 0)
          + ", got " + config.getWorkerCapacity() + ("worker".equals(role) ? "" : " (0: no worker on this node)"));
    }
    String host = pick(ns, "host", "DRUID_TASKS_HOST");
    if (host != null) {
      config.setHost(host);
    }
    config.setRole(role);
    super.run(bootstrap, ns, config);
  }

  /** A bad option is said in one line, not as a stack trace. */
  @Override
  public void onError(io.dropwizard.core.cli.Cli cli, Namespace namespace, Throwable e) {
    if (e instanceof IllegalArgumentException) {
      cli.getStdErr().println(e.getMessage());
    } else {
      super.onError(cli, namespace, e);
    }
  }

  private String pick(Namespace ns, String dest, String envName) {
    Map<String, Object> attrs = ns.getAttrs();
    Object v = attrs.get(dest);
    return v != null ? v.toString() : env.apply(envName);
  }

  private Integer intEnv(String name) {
    String v = env.apply(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("environment variable " + name + " must be an integer, got [" + v + "]");
    }
  }
}
