package dev.druidtasks.server.store;

import java.sql.Timestamp;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface ReportDao {
  @SqlUpdate("INSERT INTO task_reports (task_id, report, updated_time) VALUES (:task, CAST(:report AS json), :now)"
      + " ON CONFLICT (task_id) DO UPDATE SET report = EXCLUDED.report, updated_time = EXCLUDED.updated_time")
  void upsert(@Bind("task") String taskId, @Bind("report") String reportJson, @Bind("now") Timestamp now);

  @SqlQuery("SELECT report::text FROM task_reports WHERE task_id = :task")
  Optional<String> find(@Bind("task") String taskId);
}
