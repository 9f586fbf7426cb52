package dev.druidtasks.server.api;

import dev.druidtasks.server.auth.Action;
import dev.druidtasks.server.auth.Identity;
import dev.druidtasks.server.auth.ResourceType;
import dev.druidtasks.api.spec.TaskInformationApi;
import dev.druidtasks.server.store.TaskStore;
import dev.druidtasks.server.task.TaskState;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;

/** Lists and single-task reads: served from the store, never from memory. */
public record TaskInformationResource(TaskStore store, Clock clock, Duration recentlyFinished)
    implements TaskInformationApi {
  @Override
  public Response getTasks(String state, String datasource, String createdTimeInterval, String max, String type) {
    return list(TaskListRequest.statesOf(state), datasource, createdTimeInterval, max, "max", type);
  }

  @Override
  public Response getCompleteTasks(String datasource, String createdTimeInterval, String max, String type,
      String n) {
    return list(TaskListRequest.statesOf("complete"), datasource, createdTimeInterval, max != null ? max : n,
        max != null ? "max" : "n", type);
  }

  @Override
  public Response getRunningTasks(String datasource, String createdTimeInterval, String max, String type) {
    return list(Set.of(TaskState.RUNNING), datasource, createdTimeInterval, max, "max", type);
  }

  @Override
  public Response getWaitingTasks(String datasource, String createdTimeInterval, String max, String type) {
    return list(Set.of(TaskState.WAITING), datasource, createdTimeInterval, max, "max", type);
  }

  @Override
  public Response getPendingTasks(String datasource, String createdTimeInterval, String max, String type) {
    return list(Set.of(TaskState.PENDING), datasource, createdTimeInterval, max, "max", type);
  }

  private Response list(Set<TaskState> states, String datasource, String createdTimeInterval, String max,
      String maxName, String type) {
    if (datasource != null) {
      Access.require(ResourceType.DATASOURCE, datasource, Action.READ);
    }
    TaskListRequest request = TaskListRequest.read(states, datasource, createdTimeInterval, max, maxName, type,
        clock, recentlyFinished);
    // as Druid: the list is cut to max first, then to what the caller may read; the caller is read now,
    // the rows only while the answer is written
    Identity caller = Access.caller();
    Predicate<String> readable = datasource != null || caller == Identity.ANYONE ? ds -> true
        : ds -> caller.allows(ResourceType.DATASOURCE, ds, Action.READ);
    return json(new ResponseBodies.TaskList(request, store.taskReads(), readable));
  }

  @Override
  public Response getTaskPayload(String taskId) {
    String payload = store.taskReads().payload(taskId).orElseThrow(() -> ApiException.unknownTask(taskId));
    return json(new ResponseBodies.TaskPayload(taskId, new ResponseBodies.RawJson(payload)));
  }

  @Override
  public Response getTaskStatus(String taskId) {
    return json(new ResponseBodies.TaskStatusPlus(taskId, store.taskReads().find(taskId)
        .orElseThrow(() -> ApiException.unknownTask(taskId))));
  }

  @Override
  public Response getTaskSegments(String taskId) {
    known(taskId);
    return json(store.segments().ofTask(taskId).stream().map(ResponseBodies.RawJson::new).toList());
  }

  @Override
  public Response getTaskLog(String taskId, String offset) {
    known(taskId);
    long from = offset == null ? 0 : TaskListRequest.integer("offset", offset, "expected an integer number of bytes");
    byte[] log = store.logs().read(taskId, from).orElseThrow(() -> ApiException.text(404,
        "No log was found for this task. The task may not exist, or it may not have begun running yet."));
    return Response.ok(log, ErrorBody.TEXT).build();
  }

  @Override
  public Response getTaskReports(String taskId) {
    known(taskId);
    Object report = store.reports().find(taskId);
    if (report == null) {
      throw ApiException.text(404,
          "No task reports were found for this task. The task may not exist, or it may not have completed yet.");
    }
    return json(report);
  }

  private void known(String taskId) {
    if (store.taskReads().find(taskId).isEmpty()) {
      throw ApiException.unknownTask(taskId);
    }
  }

  static Response json(Object body) {
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
  }
}
