package dev.druidtasks.server.api;

import dev.druidtasks.server.auth.Action;
import dev.druidtasks.server.auth.ResourceType;
import dev.druidtasks.server.task.Task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.api.spec.TaskOperationsApi;
import dev.druidtasks.server.engine.TaskQueue;
import dev.druidtasks.server.store.DuplicateTaskException;
import dev.druidtasks.server.task.InvalidTaskException;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Submission and shutdown. Shutdown bodies (nothing, {@code {}} from the web console, anything) carry no meaning.
 *
 * @param inputSourceSecurity a task reading other than inline rows needs EXTERNAL READ on its input source type
 */
public record TaskOperationsResource(TaskQueue queue, ObjectMapper json, boolean inputSourceSecurity)
    implements TaskOperationsApi {
  private void admit(Task task) {
    Access.require(ResourceType.DATASOURCE, task.dataSource(), Action.WRITE);
    if (inputSourceSecurity) {
      task.inputSourceTypes().stream().filter(t -> !t.equals("inline"))
          .forEach(t -> Access.require(ResourceType.EXTERNAL, t, Action.READ));
    }
  }

  @Override
  public Response submitTask(Map<String, Object> body) {
    if (body == null) {
      throw ApiException.invalidInput("Request body is empty: expected a task object with a [type]");
    }
    JsonNode node = json.valueToTree(body);
    try {
      return TaskInformationResource.json(new ResponseBodies.TaskId(queue.submit((ObjectNode) node, this::admit)));
    } catch (InvalidTaskException e) {
      throw ApiException.invalidInput(e.getMessage());
    } catch (DuplicateTaskException e) {
      throw ApiException.alreadyExists(e.getMessage());
    }
  }

  @Override
  public Response shutdownTask(String taskId, String body) {
    return switch (queue.shutdown(taskId)) {
      case NOT_FOUND -> throw ApiException.unknownTask(taskId);
      // The doc: "Cannot find task with ID or task is no longer running".
      case ALREADY_COMPLETE -> throw ApiException.text(404,
          "Task [" + taskId + "] is no longer running: it has already completed");
      case STOPPING -> TaskInformationResource.json(new ResponseBodies.TaskId(taskId));
    };
  }

  @Override
  public Response shutdownAllTasks(String dataSource, String body) {
    if (queue.shutdownAll(dataSource).isEmpty()) {
      return Response.status(Response.Status.NOT_FOUND).build();
    }
    return TaskInformationResource.json(new ResponseBodies.DataSourceShutdown(dataSource));
  }
}
