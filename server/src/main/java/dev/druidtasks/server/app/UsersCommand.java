package dev.druidtasks.server.app;

import dev.druidtasks.server.auth.AdminRefusal;
import dev.druidtasks.server.auth.Security;
import dev.druidtasks.server.auth.SecurityAdmin;
import dev.druidtasks.server.store.Migrations;
import dev.druidtasks.server.store.SecurityDao;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * {@code users add NAME --password-file F [--role R]}: a user of basic security, for the first setup,
 * straight into the database (with the server stopped when the database is the embedded one). The
 * password is read from a file, never from the command line, where other users of the machine see it.
 */
final class UsersCommand extends ConfiguredCommand<DruidTasksConfiguration> {
  private final Function<String, String> env;

  UsersCommand(Function<String, String> env) {
    super("users", "Adds a user of basic security, or sets the password of one (users add NAME --password-file F)");
    this.env = env;
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("action").choices("add").help("add: create the user, or set its password if it exists");
    subparser.addArgument("name").help("the user name");
    subparser.addArgument("--password-file").dest("passwordFile").required(true)
        .help("a file whose first line is the password");
    subparser.addArgument("--role").help("a role to give the user; admin may do everything");
    LayeredSource.databaseFlags(subparser, "the server's data dir (default ./var)");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace ns) throws Exception {
    LayeredSource.install(bootstrap, ns, env, name -> null);
    super.run(bootstrap, ns);
  }

  @Override
  protected void run(Bootstrap<DruidTasksConfiguration> bootstrap, Namespace ns, DruidTasksConfiguration config)
      throws Exception {
    String password = Files.readString(Path.of(ns.getString("passwordFile")), StandardCharsets.UTF_8).lines()
        .findFirst().orElse("");
    String user = ns.getString("name");
    ManagedDatabase.around(config, db -> {
      Migrations.apply(db.getUrl(), db.getUser(), db.getPassword());
      Jdbi jdbi = Jdbi.create(db.getUrl(), db.getUser(), db.getPassword()).installPlugin(new SqlObjectPlugin());
      Security security = Security.over(SecurityDao.on(jdbi), config.getAuth().settings(), Clock.systemUTC());
      add(security.admin(), user, password, ns.getString("role"));
      System.out.println("User [" + user + "] can log in" + (ns.getString("role") == null ? ""
          : " with role [" + ns.getString("role") + "]"));
    });
  }

  private static void add(SecurityAdmin admin, String user, String password, String role) {
    if (!admin.authenticatorUsers().contains(user)) {
      admin.createAuthenticatorUser(user);
    }
    admin.setPassword(user, password);
    if (!admin.authorizerUsers().contains(user)) {
      admin.createAuthorizerUser(user);
    }
    if (role != null) {
      if (role.equals(Security.ADMIN)) {
        Security.ensureAdminRole(admin);
      } else if (!admin.roles().contains(role)) {
        admin.createRole(role);
      }
      if (!admin.authorizerUser(user).roles().contains(role)) {
        admin.assignRole(user, role);
      }
    }
  }
}
