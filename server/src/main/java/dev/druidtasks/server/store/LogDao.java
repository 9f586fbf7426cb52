package dev.druidtasks.server.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Task logs, stored as appended chunks. */
interface LogDao {
  @SqlUpdate("INSERT INTO task_log_chunks (task_id, seq, start_offset, data) VALUES (:task, :seq, :offset, :data)")
  void append(@Bind("task") String taskId, @Bind("seq") int seq, @Bind("offset") long offset,
      @Bind("data") byte[] data);

  @SqlQuery("SELECT start_offset + length(data) FROM task_log_chunks WHERE task_id = :task"
      + " ORDER BY seq DESC LIMIT 1")
  Optional<Long> size(@Bind("task") String taskId);

  @SqlQuery("SELECT data FROM task_log_chunks WHERE task_id = :task AND start_offset + length(data) > :from"
      + " ORDER BY seq")
  List<byte[]> chunksFrom(@Bind("task") String taskId, @Bind("from") long from);

  @SqlQuery("SELECT start_offset FROM task_log_chunks WHERE task_id = :task AND start_offset + length(data) > :from"
      + " ORDER BY seq LIMIT 1")
  Optional<Long> firstChunkOffset(@Bind("task") String taskId, @Bind("from") long from);
}
