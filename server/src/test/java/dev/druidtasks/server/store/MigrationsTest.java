package dev.druidtasks.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** A start with a current schema skips Liquibase; a changed changelog runs it again. */
class MigrationsTest {
  @Test
  void liquibaseRunsOnlyWhenTheChangelogDiffersFromTheOneLastApplied() throws Exception {
    try (EmbeddedDatabase db = EmbeddedDatabase.start(Files.createTempDirectory("migrations-test"))) {
      Jdbi jdbi = Jdbi.create(db.jdbcUrl(), db.user(), "");
      Migrations.apply(db.jdbcUrl(), db.user(), "");
      assertThat(digest(jdbi)).isEqualTo(Migrations.changelogDigest());
      int changesets = changesets(jdbi);
      assertThat(changesets).isPositive();

      // the digest matches: Liquibase would re-run the forgotten changeset, a skipped start does not
      jdbi.useHandle(h -> h.execute("DELETE FROM databasechangelog WHERE id = '12-schema-digest'"));
      Migrations.apply(db.jdbcUrl(), db.user(), "");
      assertThat(changesets(jdbi)).isEqualTo(changesets - 1);

      // no digest (a database older than it): Liquibase runs the missing changeset and records the digest
      jdbi.useHandle(h -> h.execute("DROP TABLE schema_digest"));
      Migrations.apply(db.jdbcUrl(), db.user(), "");
      assertThat(changesets(jdbi)).isEqualTo(changesets);
      assertThat(digest(jdbi)).isEqualTo(Migrations.changelogDigest());

      // another changelog was applied last: Liquibase runs
      jdbi.useHandle(h -> h.execute("UPDATE schema_digest SET digest = 'older'"));
      Migrations.apply(db.jdbcUrl(), db.user(), "");
      assertThat(digest(jdbi)).isEqualTo(Migrations.changelogDigest());
    }
  }

  private static String digest(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("SELECT digest FROM schema_digest").mapTo(String.class).one());
  }

  private static int changesets(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM databasechangelog").mapTo(Integer.class).one());
  }
}
