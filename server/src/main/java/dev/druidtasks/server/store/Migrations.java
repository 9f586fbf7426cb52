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

  public static void apply(String jdbcUrl, String user, String password) throws SQLException, LiquibaseException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
      Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
      try (Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), db)) {
        liquibase.update(new Contexts(), new LabelExpression());
      }
    }
  }
}
