package dev.druidtasks.server.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.jackson2.Jackson2Config;
import org.jdbi.v3.jackson2.Jackson2Plugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Everything the engine and the API keep in PostgreSQL, one on-demand DAO a table group. Each call
 * is its own transaction; the multi-step ones (lock then promote, complete then publish) are
 * {@code @Transaction} methods of their DAO.
 */
public record TaskStore(TaskDao tasks, TaskReadDao taskReads, SchedulingDao scheduling, LockDao locks,
    SegmentDao segments, WorkerDao workers, LogDao logs, ReportDao reports, ClusterDao cluster,
    SegmentStateDao segmentStates) {

  public static TaskStore on(Jdbi jdbi, ObjectMapper json) {
    jdbi.installPlugin(new SqlObjectPlugin()).installPlugin(new Jackson2Plugin());
    jdbi.getConfig(Jackson2Config.class).setMapper(json);
    return new TaskStore(jdbi.onDemand(TaskDao.class), jdbi.onDemand(TaskReadDao.class),
        jdbi.onDemand(SchedulingDao.class), jdbi.onDemand(LockDao.class), jdbi.onDemand(SegmentDao.class),
        jdbi.onDemand(WorkerDao.class), jdbi.onDemand(LogDao.class), jdbi.onDemand(ReportDao.class),
        jdbi.onDemand(ClusterDao.class), jdbi.onDemand(SegmentStateDao.class));
  }
}
