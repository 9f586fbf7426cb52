package dev.druidtasks.server.api;

import dev.druidtasks.api.spec.TaskManagementApi;
import dev.druidtasks.server.store.PendingSegmentsDeletion;
import dev.druidtasks.server.store.TaskRecord;
import dev.druidtasks.server.store.TaskStore;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.StorableText;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;

/** Bulk status and pending-segment clean-up. */
public record TaskManagementResource(TaskStore store, Clock clock) implements TaskManagementApi {
  /** Bound on one bulk status request, so one call cannot ask for the whole table. */
  static final int MAX_IDS = 10_000;

  @Override
  public Response getTaskStatuses(List<String> ids) {
    if (ids == null || ids.isEmpty()) {
      throw ApiException.invalidInput("No Task IDs provided.");
    }
    if (ids.contains(null)) {
      throw ApiException.invalidInput("Task IDs must be strings; the list holds a null");
    }
    // no task id holds a NUL: such ids are unknown, so left out
    Set<String> unique = new LinkedHashSet<>(ids.stream().filter(StorableText::storable).toList());
    if (unique.size() > MAX_IDS) {
      throw ApiException.invalidInput("At most " + MAX_IDS + " task IDs may be asked for at once, got "
          + unique.size());
    }
    Map<String, TaskRecord> found = store.taskReads().findAll(unique.toArray(String[]::new)).stream()
        .collect(Collectors.toMap(TaskRecord::id, r -> r));
    // in the order asked, whatever order the database returns them in
    Map<String, ResponseBodies.TaskStatus> out = new LinkedHashMap<>();
    for (String id : unique) {
      if (found.containsKey(id)) {
        out.put(id, ResponseBodies.TaskStatus.of(found.get(id)));
      }
    }
    return TaskInformationResource.json(out);
  }

  @Override
  public Response deletePendingSegments(String dataSource, String interval) {
    Interval window = interval == null ? Interval.ETERNITY : TaskListRequest.interval("interval", interval, '/');
    PendingSegmentsDeletion d = store.segments().deletePending(dataSource, window, clock.instant());
    if (d.blockingTaskId() != null) {
      throw ApiException.invalidInput("Cannot delete pending segments of datasource[" + dataSource
          + "] in interval[" + window + "]: active task[" + d.blockingTaskId()
          + "] was created before the interval's end and may still use them");
    }
    return TaskInformationResource.json(new ResponseBodies.PendingSegmentsDeleted(d.numDeleted()));
  }
}
