package dev.druidtasks.server.store;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Task logs, stored as appended chunks. */
public interface LogDao {
  @SqlUpdate("INSERT INTO task_log_chunks (task_id, seq, start_offset, data) VALUES (:task, :seq, :offset, :data)")
  void insertChunk(@Bind("task") String taskId, @Bind("seq") int seq, @Bind("offset") long offset,
      @Bind("data") byte[] data);

  /**
   * Appends a chunk without waiting for the disk: the task's end is committed synchronously after its
   * last chunk and flushes it, so only the lines of a task the database crashed under can be lost.
   */
  @Transaction
  default void append(String taskId, int seq, long offset, byte[] data) {
    withoutWaitingForDisk();
    insertChunk(taskId, seq, offset, data);
  }

  @SqlUpdate(TaskDao.ASYNC_COMMIT)
  void withoutWaitingForDisk();

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
