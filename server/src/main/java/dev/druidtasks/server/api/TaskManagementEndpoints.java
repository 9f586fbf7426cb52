package dev.druidtasks.server.api;

import dev.druidtasks.api.spec.TaskManagementApi;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The generated {@link TaskManagementApi} of the OpenAPI document, served by delegation. */
public final class TaskManagementEndpoints implements TaskManagementApi {
  private final TaskManagementResource r;

  TaskManagementEndpoints(TaskManagementResource r) {
    this.r = r;
  }

  @Override
  public Response getTaskStatuses(List<String> ids) {
    return r.getTaskStatuses(ids);
  }

  @Override
  public Response deletePendingSegments(String dataSource,
      String interval) {
    return r.deletePendingSegments(dataSource, interval);
  }
}
