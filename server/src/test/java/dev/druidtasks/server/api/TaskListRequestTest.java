package dev.druidtasks.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.druidtasks.server.store.EmbeddedDatabase;
import dev.druidtasks.server.store.Migrations;
import dev.druidtasks.server.store.NewTask;
import dev.druidtasks.server.store.TaskRecord;
import dev.druidtasks.server.store.TaskStore;
import dev.druidtasks.server.task.TaskState;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A list of every state is read in two statements, complete then active; a task that ends between them
 * is still listed, once, in the state it had when the list began.
 */
class TaskListRequestTest {
  private static EmbeddedDatabase db;
  private static TaskStore listing;
  private static TaskStore elsewhere;

  @BeforeAll
  static void database() throws Exception {
    db = EmbeddedDatabase.start(Files.createTempDirectory("task-list-test"));
    Migrations.apply(db.jdbcUrl(), db.user(), "");
    listing = TaskStore.on(Jdbi.create(db.jdbcUrl(), db.user(), ""), new ObjectMapper());
    elsewhere = TaskStore.on(Jdbi.create(db.jdbcUrl(), db.user(), ""), new ObjectMapper());
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  @Test
  void aTaskThatEndsWhileTheListIsReadIsListedOnceInItsEarlierState() throws Exception {
    String ds = "snapshot-" + UUID.randomUUID();
    Instant now = Instant.now();
    submit(ds + "-done", ds, now.minusSeconds(2));
    listing.tasks().failNotStarted(ds + "-done", "ended before the list", now);
    submit(ds + "-ending", ds, now.minusSeconds(1));

    TaskListRequest everyState = new TaskListRequest(TaskListRequest.statesOf(null), ds, null, null, null, null, null);
    List<TaskRecord> listed = new ArrayList<>();
    everyState.run(listing.taskReads(), row -> {
      if (listed.isEmpty()) { // the complete part is being read: the waiting task ends now, on another connection
        assertThat(elsewhere.tasks().failNotStarted(ds + "-ending", "ended while the list was read", now)).isTrue();
      }
      listed.add(row);
    });

    Map<String, TaskState> states = new TreeMap<>();
    listed.forEach(t -> states.put(t.id(), t.state()));
    assertThat(listed).hasSize(2);
    assertThat(states).containsExactlyEntriesOf(new TreeMap<>(Map.of(ds + "-done", TaskState.FAILED,
        ds + "-ending", TaskState.WAITING)));
  }

  private static void submit(String id, String ds, Instant created) throws Exception {
    listing.tasks().insert(new NewTask(id, id, "noop", ds, 0, created, "{\"type\":\"noop\",\"id\":\"" + id + "\"}",
        List.of()));
  }
}
