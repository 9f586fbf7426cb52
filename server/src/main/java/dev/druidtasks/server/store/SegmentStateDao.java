package dev.druidtasks.server.store;

import dev.druidtasks.server.task.DataSegment;
import dev.druidtasks.server.task.Interval;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.json.Json;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Marking a data source's published segments used or unused, as Druid's Overlord does. A segment is marked
 * used only when no used segment (or fellow candidate) of a newer version covers its interval: it would be
 * overshadowed. "Within an interval" means contained in it, as in Druid.
 */
public interface SegmentStateDao {
  /** Candidates to become used: {@code <candidates>} is a condition on {@code c}; none may be overshadowed. */
  String NOT_OVERSHADOWED = " AND NOT EXISTS (SELECT 1 FROM segments o WHERE o.datasource = s.datasource"
      + " AND o.version > s.version AND o.start_time <= s.start_time AND o.end_time >= s.end_time"
      + " AND (o.used OR o.id IN (SELECT c.id FROM segments c WHERE c.datasource = s.datasource AND NOT c.used";

  /** Of the given versions; of any version when {@code versions} is null. */
  String OF_VERSIONS = " AND (CAST(:versions AS text[]) IS NULL OR version = ANY(:versions))";

  @SqlUpdate("UPDATE segments SET used = false, used_status_last_updated = :now WHERE datasource = :ds AND used")
  int markAllUnused(@Bind("ds") String dataSource, @Bind("now") Instant now);

  @SqlUpdate("UPDATE segments SET used = false, used_status_last_updated = :now WHERE datasource = :ds AND used"
      + " AND start_time >= :i.start AND end_time <= :i.end" + OF_VERSIONS)
  int markUnusedWithin(@Bind("ds") String dataSource, @BindMethods("i") Interval interval,
      @Bind("versions") String[] versions, @Bind("now") Instant now);

  @SqlUpdate("UPDATE segments SET used = false, used_status_last_updated = :now WHERE datasource = :ds AND used"
      + " AND id IN (<ids>)")
  int markUnused(@Bind("ds") String dataSource, @BindList("ids") Collection<String> ids, @Bind("now") Instant now);

  @SqlUpdate("UPDATE segments s SET used = true, used_status_last_updated = :now WHERE s.datasource = :ds"
      + " AND NOT s.used" + NOT_OVERSHADOWED + ")))")
  int markAllNonOvershadowedUsed(@Bind("ds") String dataSource, @Bind("now") Instant now);

  @SqlUpdate("UPDATE segments s SET used = true, used_status_last_updated = :now WHERE s.datasource = :ds"
      + " AND NOT s.used AND s.start_time >= :i.start AND s.end_time <= :i.end"
      + " AND (CAST(:versions AS text[]) IS NULL OR s.version = ANY(:versions))" + NOT_OVERSHADOWED
      + " AND c.start_time >= :i.start AND c.end_time <= :i.end"
      + " AND (CAST(:versions AS text[]) IS NULL OR c.version = ANY(:versions)))))")
  int markNonOvershadowedUsedWithin(@Bind("ds") String dataSource, @BindMethods("i") Interval interval,
      @Bind("versions") String[] versions, @Bind("now") Instant now);

  @SqlUpdate("UPDATE segments s SET used = true, used_status_last_updated = :now WHERE s.datasource = :ds"
      + " AND NOT s.used AND s.id IN (<ids>)" + NOT_OVERSHADOWED + " AND c.id IN (<ids>))))")
  int markNonOvershadowedUsed(@Bind("ds") String dataSource, @BindList("ids") Collection<String> ids,
      @Bind("now") Instant now);

  /** Marks one segment used, overshadowed or not, as Druid's single-segment call does. */
  @SqlUpdate("UPDATE segments SET used = true, used_status_last_updated = :now WHERE datasource = :ds"
      + " AND id = :id AND NOT used")
  int markUsed(@Bind("ds") String dataSource, @Bind("id") String id, @Bind("now") Instant now);

  @SqlQuery("SELECT id FROM segments WHERE datasource = :ds AND id IN (<ids>)")
  List<String> existing(@Bind("ds") String dataSource, @BindList("ids") Collection<String> ids);

  /** Unused segments within an interval, the longest unused first, as a kill task takes them. */
  @SqlQuery("SELECT payload::text FROM segments WHERE datasource = :ds AND NOT used AND start_time >= :i.start"
      + " AND end_time <= :i.end" + OF_VERSIONS
      + " AND (CAST(:unusedSince AS timestamptz) IS NULL OR used_status_last_updated <= :unusedSince)"
      + " ORDER BY used_status_last_updated, id LIMIT :limit")
  @Json
  List<DataSegment> unused(@Bind("ds") String dataSource, @BindMethods("i") Interval interval,
      @Bind("versions") String[] versions, @Bind("unusedSince") Instant unusedSince, @Bind("limit") int limit);

  /** Deletes unused segments' rows; used ones are never deleted. */
  @SqlUpdate("DELETE FROM segments WHERE NOT used AND id IN (<ids>)")
  int delete(@BindList("ids") Collection<String> ids);
}
