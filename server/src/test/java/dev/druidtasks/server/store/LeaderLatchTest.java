package dev.druidtasks.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Leadership among nodes of one database: one leads, its URL is given out while it leads, another takes over. */
class LeaderLatchTest {
  private static Path dir;
  private static EmbeddedDatabase db;
  private static TaskStore store;

  @BeforeAll
  static void database() throws Exception {
    dir = Files.createTempDirectory("leader-test");
    db = EmbeddedDatabase.start(dir);
    Migrations.apply(db.jdbcUrl(), db.user(), "");
    store = TaskStore.on(Jdbi.create(db.jdbcUrl(), db.user(), ""), new ObjectMapper());
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  private static LeaderLatch node(String url) {
    return new LeaderLatch(LeaderLatch.connections(db.jdbcUrl(), db.user(), ""), () -> url);
  }

  @Test
  void oneNodeLeadsAndAnotherTakesOverWhenItStops() {
    try (LeaderLatch a = node("http://a:1"); LeaderLatch b = node("http://b:2"); LeaderLatch c = node("http://c:3")) {
      assertThat(a.isLeader()).isTrue();
      assertThat(b.isLeader()).isFalse();
      assertThat(c.isLeader()).isFalse();
      assertThat(a.isLeader()).as("it keeps the lead").isTrue();
      assertThat(a.holds()).isTrue();
      assertThat(b.holds()).isFalse();
      assertThat(store.cluster().leaderUrl()).contains("http://a:1");

      a.close();
      assertThat(a.holds()).isFalse();
      assertThat(store.cluster().leaderUrl()).as("no one leads: no stale URL").isEmpty();
      assertThat(b.isLeader()).isTrue();
      assertThat(c.isLeader()).isFalse();
      assertThat(a.isLeader()).isFalse();
      assertThat(store.cluster().leaderUrl()).contains("http://b:2");
    }
  }

  @Test
  void aNodeWithoutItsUrlYetDoesNotTakeTheLead() {
    try (LeaderLatch early = node(null); LeaderLatch ready = node("http://ready:1")) {
      assertThat(early.isLeader()).isFalse();
      assertThat(ready.isLeader()).isTrue();
    }
  }

  /** A leader in a hand-over promotes a task the new one promotes too: the second finds it pending and leaves its locks. */
  @Test
  void aTaskPromotedTwiceKeepsItsLocks() throws Exception {
    String id = "promoted-twice";
    store.tasks().insert(new NewTask(id, id, "locking", "twice", 0, Instant.now(), "{}",
        java.util.List.of(dev.druidtasks.server.task.Interval.parse("2020-01-01/2020-01-02", '/'))));
    WaitingTask read = new WaitingTask(id, id, "twice");
    assertThat(store.scheduling().promoteToPending(read, Instant.now())).isTrue();
    assertThat(store.scheduling().promoteToPending(read, Instant.now())).isFalse();
    assertThat(store.locks().conflicts("twice", "another-group",
        dev.druidtasks.server.task.Interval.parse("2020-01-01/2020-01-02", '/'))).isOne();
  }

  @Test
  void aDataDirHoldsOneNodesDatabase() {
    assertThatThrownBy(() -> EmbeddedDatabase.start(dir)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("in use by another druid-tasks node").hasMessageContaining("--jdbc-url");
  }
}
