package dev.druidtasks.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.druidtasks.server.store.LogSlice;
import dev.druidtasks.server.store.TaskRecord;
import dev.druidtasks.server.store.TaskStore;
import dev.druidtasks.server.task.TaskState;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Lists and single-task reads: served from the store, never from memory. */
public final class TaskInformationResource {
  private final TaskStore store;
  private final ObjectMapper json;
  private final Clock clock;
  private final Duration recentlyFinished;

  public TaskInformationResource(TaskStore store, ObjectMapper json, Clock clock, Duration recentlyFinished) {
    this.store = store;
    this.json = json;
    this.clock = clock;
    this.recentlyFinished = recentlyFinished;
  }

  public Response getTasks(String state, String datasource, String createdTimeInterval, String max, String type) {
    try {
      return list(TaskListRequest.statesOf(state), datasource, createdTimeInterval, max, "max", type);
    } catch (TaskListRequest.Invalid e) {
      return e.response;
    }
  }

  public Response getCompleteTasks(String datasource, String createdTimeInterval, String max, String type,
      String n) {
    try {
      String limit = max != null ? max : n;
      return list(TaskListRequest.statesOf("complete"), datasource, createdTimeInterval, limit,
          max != null ? "max" : "n", type);
    } catch (TaskListRequest.Invalid e) {
      return e.response;
    }
  }

  public Response getActive(TaskState state, String datasource, String createdTimeInterval, String max,
      String type) {
    try {
      return list(Set.of(state), datasource, createdTimeInterval, max, "max", type);
    } catch (TaskListRequest.Invalid e) {
      return e.response;
    }
  }

  private Response list(Set<TaskState> states, String datasource, String createdTimeInterval, String max,
      String maxName, String type) throws TaskListRequest.Invalid {
    var query = TaskListRequest.read(states, datasource, createdTimeInterval, max, maxName, type, clock,
        recentlyFinished);
    List<Map<String, Object>> out = new ArrayList<>();
    for (TaskRecord r : store.list(query)) {
      out.add(TaskJson.statusPlus(r.toStatus()));
    }
    return Response.ok(out, MediaType.APPLICATION_JSON_TYPE).build();
  }

  public Response getTaskPayload(String taskId) {
    Optional<String> payload = store.payload(taskId);
    if (payload.isEmpty()) {
      return ErrorResponses.unknownTask(taskId);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("task", taskId);
    body.put("payload", readJson(payload.get()));
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
  }

  public Response getTaskStatus(String taskId) {
    Optional<TaskRecord> r = store.find(taskId);
    if (r.isEmpty()) {
      return ErrorResponses.unknownTask(taskId);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("task", taskId);
    body.put("status", TaskJson.statusPlus(r.get().toStatus()));
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
  }

  public Response getTaskSegments(String taskId) {
    if (store.find(taskId).isEmpty()) {
      return ErrorResponses.unknownTask(taskId);
    }
    List<Object> segments = new ArrayList<>();
    for (String s : store.segmentsOfTask(taskId)) {
      segments.add(readJson(s));
    }
    return Response.ok(segments, MediaType.APPLICATION_JSON_TYPE).build();
  }

  public Response getTaskLog(String taskId, String offset) {
    if (store.find(taskId).isEmpty()) {
      return ErrorResponses.unknownTask(taskId);
    }
    long from = 0;
    if (offset != null) {
      try {
        from = Long.parseLong(offset.trim());
      } catch (NumberFormatException e) {
        return ErrorResponses.badParameter("offset", offset, "expected an integer number of bytes");
      }
    }
    LogSlice slice = store.readLog(taskId, from);
    if (!slice.exists()) {
      return ErrorResponses.text(Response.Status.NOT_FOUND,
          "No log was found for this task. The task may not exist, or it may not have begun running yet.");
    }
    return Response.ok(slice.bytes(), ErrorResponses.TEXT).build();
  }

  public Response getTaskReports(String taskId) {
    if (store.find(taskId).isEmpty()) {
      return ErrorResponses.unknownTask(taskId);
    }
    Optional<String> report = store.reports(taskId);
    if (report.isEmpty()) {
      return ErrorResponses.text(Response.Status.NOT_FOUND,
          "No task reports were found for this task. The task may not exist, or it may not have completed yet.");
    }
    return Response.ok(report.get(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  private Object readJson(String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
