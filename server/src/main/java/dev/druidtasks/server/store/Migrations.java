package dev.druidtasks.server.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Brings the schema up to date with the Liquibase changelog (the same one {@code db migrate} applies). */
public final class Migrations {
  public static final String CHANGELOG = "migrations.xml";

  private Migrations() {}

  /** No usage reports leave the machine, and no banner clutters the server's output. */
  public static void quiet() {
    System.setProperty("liquibase.analytics.enabled", System.getProperty("liquibase.analytics.enabled", "false"));
    System.setProperty("liquibase.showBanner", System.getProperty("liquibase.showBanner", "false"));
  }

  public static void apply(String jdbcUrl, String user, String password) throws SQLException, LiquibaseException {
    quiet();
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
      Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
      try (Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), db)) {
        liquibase.update(new Contexts(), new LabelExpression());
      }
    }
  }
}
