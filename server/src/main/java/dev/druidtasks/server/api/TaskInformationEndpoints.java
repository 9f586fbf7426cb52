package dev.druidtasks.server.api;

import dev.druidtasks.api.spec.TaskInformationApi;
import dev.druidtasks.server.task.TaskState;
import jakarta.ws.rs.core.Response;

/** The generated {@link TaskInformationApi} of the OpenAPI document, served by delegation. */
public final class TaskInformationEndpoints implements TaskInformationApi {
  private final TaskInformationResource r;

  TaskInformationEndpoints(TaskInformationResource r) {
    this.r = r;
  }

  @Override
  public Response getTasks(String state, String datasource,
      String createdTimeInterval, String max,
      String type) {
    return r.getTasks(state, datasource, createdTimeInterval, max, type);
  }

  @Override
  public Response getCompleteTasks(String datasource,
      String createdTimeInterval, String max,
      String type, String n) {
    return r.getCompleteTasks(datasource, createdTimeInterval, max, type, n);
  }

  @Override
  public Response getRunningTasks(String datasource,
      String createdTimeInterval, String max,
      String type) {
    return r.getActive(TaskState.RUNNING, datasource, createdTimeInterval, max, type);
  }

  @Override
  public Response getWaitingTasks(String datasource,
      String createdTimeInterval, String max,
      String type) {
    return r.getActive(TaskState.WAITING, datasource, createdTimeInterval, max, type);
  }

  @Override
  public Response getPendingTasks(String datasource,
      String createdTimeInterval, String max,
      String type) {
    return r.getActive(TaskState.PENDING, datasource, createdTimeInterval, max, type);
  }

  @Override
  public Response getTaskPayload(String taskId) {
    return r.getTaskPayload(taskId);
  }

  @Override
  public Response getTaskStatus(String taskId) {
    return r.getTaskStatus(taskId);
  }

  @Override
  public Response getTaskSegments(String taskId) {
    return r.getTaskSegments(taskId);
  }

  @Override
  public Response getTaskLog(String taskId, String offset) {
    return r.getTaskLog(taskId, offset);
  }

  @Override
  public Response getTaskReports(String taskId) {
    return r.getTaskReports(taskId);
  }
}
