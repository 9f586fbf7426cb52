package dev.druidtasks.server.store;

import dev.druidtasks.server.task.TaskLocation;
import dev.druidtasks.server.task.TaskState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

public final class TaskRecordMapper implements RowMapper<TaskRecord> {


  @Override
  public TaskRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new TaskRecord(
        rs.getString("id"),
        rs.getString("group_id"),
        rs.getString("type"),
        rs.getString("datasource"),
        instant(rs.getTimestamp("created_time")),
        instant(rs.getTimestamp("queue_insertion_time")),
        TaskState.valueOf(rs.getString("state")),
        rs.getLong("duration_ms"),
        rs.getString("error_msg"),
        new TaskLocation(rs.getString("location_host"), rs.getInt("location_port"), rs.getInt("location_tls_port")),
        rs.getString("worker_id"),
        rs.getBoolean("shutdown_requested"));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
