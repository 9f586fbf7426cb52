package dev.druidtasks.server.store;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** How many active tasks each data source has in each state: one grouped read of the active index. */
public interface ActiveTaskCountDao {
  /** {@code state} is WAITING, PENDING or RUNNING. */
  record ActiveTaskCount(String dataSource, String state, long tasks) {}

  @SqlQuery("SELECT datasource AS data_source, state, count(*) AS tasks FROM tasks WHERE active"
      + " GROUP BY datasource, state")
  @RegisterConstructorMapper(ActiveTaskCount.class)
  List<ActiveTaskCount> countActive();
}
