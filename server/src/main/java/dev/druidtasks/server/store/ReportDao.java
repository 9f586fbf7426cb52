package dev.druidtasks.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.jdbi.v3.json.Json;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** A task's report map, replaced as the task writes it. */
public interface ReportDao {
  @SqlUpdate("INSERT INTO task_reports (task_id, report, updated_time) VALUES (:task, CAST(:report AS json), :now)"
      + " ON CONFLICT (task_id) DO UPDATE SET report = EXCLUDED.report, updated_time = EXCLUDED.updated_time")
  void upsert(@Bind("task") String taskId, @Bind("report") @Json JsonNode report, @Bind("now") Instant now);

  /** Null when the task wrote none. */
  @SqlQuery("SELECT report FROM task_reports WHERE task_id = :task")
  @Json
  JsonNode find(@Bind("task") String taskId);
}
