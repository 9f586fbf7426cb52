package dev.druidtasks.server.api;

import dev.druidtasks.server.task.TaskState;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

@Path("/druid/indexer/v1")
public final class TaskInformationEndpoints {
  private final TaskInformationResource r;

  TaskInformationEndpoints(TaskInformationResource r) {
    this.r = r;
  }

  @GET
  @Path("/tasks")
  @Produces({"application/json", "text/plain"})
  public Response getTasks(@QueryParam("state") String state, @QueryParam("datasource") String datasource,
      @QueryParam("createdTimeInterval") String createdTimeInterval, @QueryParam("max") String max,
      @QueryParam("type") String type) {
    return r.getTasks(state, datasource, createdTimeInterval, max, type);
  }

  @GET
  @Path("/completeTasks")
  @Produces({"application/json", "text/plain"})
  public Response getCompleteTasks(@QueryParam("datasource") String datasource,
      @QueryParam("createdTimeInterval") String createdTimeInterval, @QueryParam("max") String max,
      @QueryParam("type") String type, @QueryParam("n") String n) {
    return r.getCompleteTasks(datasource, createdTimeInterval, max, type, n);
  }

  @GET
  @Path("/runningTasks")
  @Produces({"application/json", "text/plain"})
  public Response getRunningTasks(@QueryParam("datasource") String datasource,
      @QueryParam("createdTimeInterval") String createdTimeInterval, @QueryParam("max") String max,
      @QueryParam("type") String type) {
    return r.getActive(TaskState.RUNNING, datasource, createdTimeInterval, max, type);
  }

  @GET
  @Path("/waitingTasks")
  @Produces({"application/json", "text/plain"})
  public Response getWaitingTasks(@QueryParam("datasource") String datasource,
      @QueryParam("createdTimeInterval") String createdTimeInterval, @QueryParam("max") String max,
      @QueryParam("type") String type) {
    return r.getActive(TaskState.WAITING, datasource, createdTimeInterval, max, type);
  }

  @GET
  @Path("/pendingTasks")
  @Produces({"application/json", "text/plain"})
  public Response getPendingTasks(@QueryParam("datasource") String datasource,
      @QueryParam("createdTimeInterval") String createdTimeInterval, @QueryParam("max") String max,
      @QueryParam("type") String type) {
    return r.getActive(TaskState.PENDING, datasource, createdTimeInterval, max, type);
  }

  @GET
  @Path("/task/{taskId}")
  @Produces({"application/json", "text/plain"})
  public Response getTaskPayload(@PathParam("taskId") String taskId) {
    return r.getTaskPayload(taskId);
  }

  @GET
  @Path("/task/{taskId}/status")
  @Produces({"application/json", "text/plain"})
  public Response getTaskStatus(@PathParam("taskId") String taskId) {
    return r.getTaskStatus(taskId);
  }

  @GET
  @Path("/task/{taskId}/segments")
  @Produces({"application/json", "text/plain"})
  public Response getTaskSegments(@PathParam("taskId") String taskId) {
    return r.getTaskSegments(taskId);
  }

  @GET
  @Path("/task/{taskId}/log")
  @Produces({"text/plain", "application/json"})
  public Response getTaskLog(@PathParam("taskId") String taskId, @QueryParam("offset") String offset) {
    return r.getTaskLog(taskId, offset);
  }

  @GET
  @Path("/task/{taskId}/reports")
  @Produces({"application/json", "text/plain"})
  public Response getTaskReports(@PathParam("taskId") String taskId) {
    return r.getTaskReports(taskId);
  }
}
