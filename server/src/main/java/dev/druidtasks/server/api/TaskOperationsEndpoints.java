package dev.druidtasks.server.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.Map;

@Path("/druid/indexer/v1")
public final class TaskOperationsEndpoints {
  private final TaskOperationsResource r;

  TaskOperationsEndpoints(TaskOperationsResource r) {
    this.r = r;
  }

  @POST
  @Path("/task")
  @Consumes({"application/json"})
  @Produces({"application/json"})
  public Response submitTask(Map<String, Object> body) {
    return r.submitTask(body);
  }

  @POST
  @Path("/task/{taskId}/shutdown")
  @Produces({"application/json", "text/plain"})
  public Response shutdownTask(@PathParam("taskId") String taskId) {
    return r.shutdownTask(taskId);
  }

  @POST
  @Path("/datasources/{dataSource}/shutdownAllTasks")
  @Produces({"application/json"})
  public Response shutdownAllTasks(@PathParam("dataSource") String dataSource) {
    return r.shutdownAllTasks(dataSource);
  }
}
