package dev.druidtasks.server.store;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** What changed, when: each state change and clean-up writes a line. */
public interface AuditDao {
  @SqlUpdate("INSERT INTO audit_log (audit_time, action, task_id, datasource, detail)"
      + " VALUES (:now, :action, :task, :ds, :detail)")
  void record(@Bind("now") Instant now, @Bind("action") String action, @Bind("task") String taskId,
      @Bind("ds") String dataSource, @Bind("detail") String detail);
}
