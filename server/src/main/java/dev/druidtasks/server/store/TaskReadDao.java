package dev.druidtasks.server.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * What the API reads of tasks: one by id, many by ids, the lists (streamed), a data source's active ids.
 * Lists select the narrow columns; payloads are read by id. Apart from the writes of a task's life
 * ({@link TaskDao}) and the scheduling ({@link SchedulingDao}): an on-demand DAO costs each call in
 * proportion to its methods, and a status poll should not pay for the whole lifecycle.
 */
@RegisterConstructorMapper(TaskRecord.class)
public interface TaskReadDao {
  /** The row as Druid shows it: the epoch as queue time once complete. */
  String COLS = "id, group_id, type, datasource, created_time,"
      + " CASE WHEN active THEN queue_insertion_time ELSE TIMESTAMPTZ 'epoch' END AS queue_insertion_time, state,"
      + " duration_ms, error_msg, location_host, location_port, location_tls_port";
  /** The filters of a list, one fragment each; a list's statement has only those it uses (no plan flips). */
  String BY_DATASOURCE = " AND datasource = :dataSource";
  String BY_TYPE = " AND type = :type";
  String CREATED_FROM = " AND created_time >= :from";
  String CREATED_TO = " AND created_time < :to";
  /** Rows a list fetches at a time: with autocommit off PostgreSQL then reads them through a cursor. */
  int LIST_FETCH_SIZE = 256;

  @SqlQuery("SELECT " + COLS + " FROM tasks WHERE id = :id")
  Optional<TaskRecord> find(@Bind("id") String id);

  @SqlQuery("SELECT payload::text FROM tasks WHERE id = :id")
  Optional<String> payload(@Bind("id") String id);

  @SqlQuery("SELECT " + COLS + " FROM tasks WHERE id = ANY(:ids)")
  List<TaskRecord> findAll(@Bind("ids") String... ids);

  /** Active tasks, oldest first, as Druid's queue lists them; {@code filters} from {@link TaskFilter#sql()}. */
  @SqlQuery("SELECT " + COLS + " FROM tasks WHERE active AND state = ANY(:states)<filters> ORDER BY created_time, id")
  @FetchSize(LIST_FETCH_SIZE)
  @AllowUnusedBindings
  ResultIterable<TaskRecord> activeRows(@Bind("states") String[] states, @Define("filters") String filters,
      @BindMethods TaskFilter filter);

  /** Complete tasks, newest first, at most {@code max} (null: all). */
  @SqlQuery("SELECT " + COLS + " FROM tasks WHERE NOT active AND state = ANY(:states)<filters>"
      + " ORDER BY created_time DESC, id DESC LIMIT :max")
  @FetchSize(LIST_FETCH_SIZE)
  @AllowUnusedBindings
  ResultIterable<TaskRecord> completeRows(@Bind("states") String[] states, @Define("filters") String filters,
      @BindMethods TaskFilter filter, @Bind("max") Integer max);

  /**
   * Runs {@code reads} in one snapshot: a list read in two statements (complete, then active) sees each
   * task once, in one state, even when it completes between them.
   */
  @Transaction
  default void inOneSnapshot(Consumer<TaskReadDao> reads) {
    repeatableRead();
    reads.accept(this);
  }

  /**
   * The transaction's first statement, sent with its BEGIN: Jdbi's own isolation setting would read the
   * session's level, set it and set it back, three more round trips a list.
   */
  @SqlUpdate("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
  void repeatableRead();

  /** Hands each active task of the list to {@code sink} as it is read: one transaction, so one cursor. */
  @Transaction
  default void eachActive(String[] states, TaskFilter filter, Consumer<TaskRecord> sink) {
    activeRows(states, filter.sql(), filter).forEach(sink); // closes the cursor
  }

  /** Hands each complete task of the list to {@code sink} as it is read: one transaction, so one cursor. */
  @Transaction
  default void eachComplete(String[] states, TaskFilter filter, Integer max, Consumer<TaskRecord> sink) {
    completeRows(states, filter.sql(), filter, max).forEach(sink); // closes the cursor
  }

  @SqlQuery("SELECT id FROM tasks WHERE datasource = :ds AND active ORDER BY created_time, id")
  List<String> activeIdsOf(@Bind("ds") String dataSource);
}
