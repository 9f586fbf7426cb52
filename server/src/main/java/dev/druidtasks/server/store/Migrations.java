package dev.druidtasks.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** Brings the schema up to date with the Liquibase changelog (the same one {@code db migrate} applies). */
public final class Migrations {
  public static final String CHANGELOG = "migrations.xml";

  private Migrations() {}

  /** No usage reports leave the machine, and no banner clutters the server's output. */
  public static void quiet() {
    System.setProperty("liquibase.analytics.enabled", System.getProperty("liquibase.analytics.enabled", "false"));
    System.setProperty("liquibase.showBanner", System.getProperty("liquibase.showBanner", "false"));
  }

  /**
   * Runs the changelog unless the schema was last brought up to date with this very changelog (its
   * digest is stored once an update succeeds): Liquibase reading and comparing it costs seconds of start-up.
   */
  public static void apply(String jdbcUrl, String user, String password) throws SQLException, LiquibaseException {
    quiet();
    String digest = changelogDigest();
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
      Jdbi jdbi = Jdbi.create(c).installPlugin(new SqlObjectPlugin());
      if (digest.equals(storedDigest(jdbi))) {
        return;
      }
      Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
      Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), db);
      liquibase.update(new Contexts(), new LabelExpression());
      c.setAutoCommit(true); // Liquibase leaves it off; the digest must commit on its own
      jdbi.useExtension(SchemaDigestDao.class, dao -> dao.record(digest));
    }
  }

  /** Null before the changeset that keeps it ran (a new or older database). */
  private static String storedDigest(Jdbi jdbi) {
    try {
      return jdbi.withExtension(SchemaDigestDao.class, dao -> dao.current().orElse(null));
    } catch (UnableToExecuteStatementException e) {
      return null;
    }
  }

  static String changelogDigest() {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(CHANGELOG)) {
      if (in == null) {
        throw new IllegalStateException("the changelog " + CHANGELOG + " is not on the classpath");
      }
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
