package dev.druidtasks.server.store;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Task logs, stored as appended chunks. */
public interface LogDao {
  @SqlUpdate("INSERT INTO task_log_chunks (task_id, seq, start_offset, data) VALUES (:task, :seq, :offset, :data)")
  void append(@Bind("task") String taskId, @Bind("seq") int seq, @Bind("offset") long offset,
      @Bind("data") byte[] data);

  @SqlQuery("SELECT start_offset + length(data) FROM task_log_chunks WHERE task_id = :task"
      + " ORDER BY seq DESC LIMIT 1")
  Optional<Long> size(@Bind("task") String taskId);

  /** The log's bytes from {@code from} (inside it) to its end, cut out of the chunks that hold them. */
  @SqlQuery("SELECT substring(string_agg(data, ''::bytea ORDER BY seq) FROM CAST(:from - min(start_offset) + 1 AS int))"
      + " FROM task_log_chunks WHERE task_id = :task AND start_offset + length(data) > :from")
  Optional<byte[]> bytesFrom(@Bind("task") String taskId, @Bind("from") long from);

  /**
   * The log from {@code offset}: positive skips that many bytes, negative reads the last |offset|
   * bytes; past the end is empty. Empty when the task never logged.
   */
  default Optional<byte[]> read(String taskId, long offset) {
    return size(taskId).map(size -> {
      long from = offset >= 0 ? offset : Math.max(0, size + offset);
      return from >= size ? new byte[0] : bytesFrom(taskId, from).orElse(new byte[0]);
    });
  }
}
