package dev.druidtasks.server.api;

import dev.druidtasks.server.store.PendingSegmentsDeletion;
import dev.druidtasks.server.store.TaskRecord;
import dev.druidtasks.server.store.TaskStore;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.StorableText;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Bulk status and pending-segment clean-up. */
public final class TaskManagementResource {
  /** Bound on one bulk status request, so one call cannot ask for the whole table. */
  static final int MAX_IDS = 10_000;

  private final TaskStore store;

  public TaskManagementResource(TaskStore store) {
    this.store = store;
  }

  public Response getTaskStatuses(List<String> ids) {
    if (ids == null || ids.isEmpty()) {
      return ErrorResponses.invalidInput("No Task IDs provided.");
    }
    Set<String> unique = new LinkedHashSet<>();
    for (String id : ids) {
      if (id == null) {
        return ErrorResponses.invalidInput("Task IDs must be strings; the list holds a null");
      }
      if (!StorableText.storable(id)) {
        continue; // no task id holds a NUL: unknown, so left out
      }
      unique.add(id);
    }
    if (unique.size() > MAX_IDS) {
      return ErrorResponses.invalidInput("At most " + MAX_IDS + " task IDs may be asked for at once, got "
          + unique.size());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (TaskRecord r : store.findAll(unique)) {
      out.put(r.id(), TaskJson.status(r));
    }
    return Response.ok(out, MediaType.APPLICATION_JSON_TYPE).build();
  }

  public Response deletePendingSegments(String dataSource, String interval) {
    Interval window = Interval.ETERNITY;
    if (interval != null) {
      try {
        window = Interval.parse(interval, '/').clampedToEternity();
      } catch (IllegalArgumentException e) {
        return ErrorResponses.badParameter("interval", interval,
            "expected an ISO-8601 interval such as 2023-06-27/2023-06-28 (" + e.getMessage() + ")");
      }
    }
    PendingSegmentsDeletion d = store.deletePendingSegments(dataSource, window);
    if (d.blockingTaskId() != null) {
      return ErrorResponses.invalidInput("Cannot delete pending segments of datasource[" + dataSource
          + "] in interval[" + window + "]: active task[" + d.blockingTaskId()
          + "] was created before the interval's end and may still use them");
    }
    return Response.ok(Map.of("numDeleted", d.numDeleted()), MediaType.APPLICATION_JSON_TYPE).build();
  }
}
