package dev.druidtasks.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.druidtasks.server.task.Interval;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** A database made by the first changelog (lock intervals as JSON text) upgrades, its waiting tasks' locks kept. */
class MigrationUpgradeTest {
  private static final int FIRST_CHANGELOG_CHANGESETS = 7;

  @Test
  void aWaitingTaskOfTheOldSchemaKeepsItsLockIntervals() throws Exception {
    try (EmbeddedDatabase db = EmbeddedDatabase.start(Files.createTempDirectory("upgrade-test"))) {
      Migrations.quiet();
      try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "");
          Liquibase old = new Liquibase(Migrations.CHANGELOG, new ClassLoaderResourceAccessor(),
              DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c)))) {
        old.update(FIRST_CHANGELOG_CHANGESETS, new Contexts(), new LabelExpression());
      }
      Jdbi jdbi = Jdbi.create(db.jdbcUrl(), db.user(), "");
      jdbi.useHandle(h -> h.execute("INSERT INTO tasks (id, group_id, type, datasource, created_time,"
          + " queue_insertion_time, state, active, payload, lock_intervals) VALUES ('old', 'old', 'index', 'wiki',"
          + " now(), now(), 'WAITING', true, '{}', '[\"2015-09-12T00:00:00.000Z/2015-09-13T00:00:00.000Z\","
          + "\"2015-09-10T00:00:00.000Z/2015-09-12T00:00:00.000Z\"]')"));

      Migrations.apply(db.jdbcUrl(), db.user(), "");

      TaskStore store = TaskStore.on(jdbi, new ObjectMapper());
      assertThat(store.locks().lockIntervalsOf("old")).containsExactly(
          Interval.parse("2015-09-10/2015-09-12", '/'), Interval.parse("2015-09-12/2015-09-13", '/'));
      assertThat(store.scheduling().promoteToPending(new WaitingTask("old", "old", "wiki"), Instant.now())).isTrue();
      assertThat(store.taskReads().find("old").orElseThrow().state().name()).isEqualTo("PENDING");
    }
  }
}
