package dev.druidtasks.server.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** What changed, when: each state change and clean-up writes a line. */
public interface AuditDao {
  @SqlUpdate("INSERT INTO audit_log (audit_time, action, task_id, datasource, detail)"
      + " VALUES (:now, :action, :task, :ds, :detail)")
  void record(@Bind("now") Instant now, @Bind("action") String action, @Bind("task") String taskId,
      @Bind("ds") String dataSource, @Bind("detail") String detail);

  /** One line of the log; {@code actor} is set for requests made under basic security. */
  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record Entry(Instant auditTime, String actor, String action, String taskId, String datasource, String detail) {}

  /** A request someone made, by whom. */
  @SqlUpdate("INSERT INTO audit_log (audit_time, actor, action, task_id, datasource, detail)"
      + " VALUES (:now, :actor, :action, :task, :ds, :detail)")
  void recordBy(@Bind("now") Instant now, @Bind("actor") String actor, @Bind("action") String action,
      @Bind("task") String taskId, @Bind("ds") String dataSource, @Bind("detail") String detail);

  /** The newest lines first, from {@code since} on. */
  @SqlQuery("SELECT audit_time, actor, action, task_id, datasource, detail FROM audit_log"
      + " WHERE audit_time >= :since ORDER BY id DESC LIMIT :max")
  @RegisterConstructorMapper(Entry.class)
  List<Entry> recent(@Bind("since") Instant since, @Bind("max") int max);

  static AuditDao on(org.jdbi.v3.core.Jdbi jdbi) {
    return jdbi.onDemand(AuditDao.class);
  }
}
