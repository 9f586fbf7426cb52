package dev.druidtasks.server.api;

import dev.druidtasks.server.store.TaskRecord;
import dev.druidtasks.server.task.TaskLocation;
import dev.druidtasks.server.task.TaskStatusPlus;
import dev.druidtasks.server.task.Timestamps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Task status objects in Druid's JSON layout and key order. */
final class TaskJson {
  private static final String EPOCH = Timestamps.format(Instant.EPOCH);

  private TaskJson() {}

  static Map<String, Object> statusPlus(TaskStatusPlus t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("groupId", t.groupId());
    m.put("type", t.type());
    m.put("createdTime", Timestamps.format(t.createdTime()));
    // Druid shows the epoch once a task left the queue; active tasks show when they entered it.
    m.put("queueInsertionTime", t.state().isActive() ? Timestamps.format(t.queueInsertionTime()) : EPOCH);
    m.put("statusCode", t.state().statusCode());
    m.put("status", t.state().statusCode());
    m.put("runnerStatusCode", t.state().runnerStatusCode());
    m.put("duration", t.state().isActive() ? -1 : t.duration());
    m.put("location", location(t.location()));
    m.put("dataSource", t.dataSource());
    m.put("errorMsg", t.errorMsg());
    return m;
  }

  /** The shorter TaskStatus of {@code POST /taskStatus}. */
  static Map<String, Object> status(TaskRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("status", r.state().statusCode());
    m.put("duration", r.state().isActive() ? -1 : r.durationMs());
    m.put("errorMsg", r.errorMsg());
    m.put("location", location(r.location()));
    return m;
  }

  static Map<String, Object> location(TaskLocation l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("host", l.host());
    m.put("port", l.port());
    m.put("tlsPort", l.tlsPort());
    return m;
  }
}
