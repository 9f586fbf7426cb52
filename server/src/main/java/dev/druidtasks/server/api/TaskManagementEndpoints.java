package dev.druidtasks.server.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;

@Path("/druid/indexer/v1")
public final class TaskManagementEndpoints {
  private final TaskManagementResource r;

  TaskManagementEndpoints(TaskManagementResource r) {
    this.r = r;
  }

  @POST
  @Path("/taskStatus")
  @Consumes({"application/json"})
  @Produces({"application/json"})
  public Response getTaskStatuses(List<String> ids) {
    return r.getTaskStatuses(ids);
  }

  @DELETE
  @Path("/pendingSegments/{dataSource}")
  @Produces({"application/json"})
  public Response deletePendingSegments(@PathParam("dataSource") String dataSource,
      @QueryParam("interval") String interval) {
    return r.deletePendingSegments(dataSource, interval);
  }
}
