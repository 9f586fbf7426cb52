package dev.druidtasks.server.api;

import dev.druidtasks.api.spec.TaskOperationsApi;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The generated {@link TaskOperationsApi} of the OpenAPI document, served by delegation. */
public final class TaskOperationsEndpoints implements TaskOperationsApi {
  private final TaskOperationsResource r;

  TaskOperationsEndpoints(TaskOperationsResource r) {
    this.r = r;
  }

  @Override
  public Response submitTask(Map<String, Object> body) {
    return r.submitTask(body);
  }

  @Override
  public Response shutdownTask(String taskId, String body) {
    // clients send nothing, {} (the web console) or anything else: the body carries no meaning
    return r.shutdownTask(taskId);
  }

  @Override
  public Response shutdownAllTasks(String dataSource, String body) {
    return r.shutdownAllTasks(dataSource);
  }
}
