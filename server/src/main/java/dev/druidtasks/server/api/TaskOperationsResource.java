package dev.druidtasks.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.engine.TaskQueue;
import dev.druidtasks.server.store.DuplicateTaskException;
import dev.druidtasks.server.task.InvalidTaskException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Submission and shutdown. */
public final class TaskOperationsResource {
  private final TaskQueue queue;
  private final ObjectMapper json;

  public TaskOperationsResource(TaskQueue queue, ObjectMapper json) {
    this.queue = queue;
    this.json = json;
  }

  public Response submitTask(Object body) {
    if (body == null) {
      return ErrorResponses.invalidInput("Request body is empty: expected a task object with a [type]");
    }
    JsonNode node = json.valueToTree(body);
    if (!node.isObject()) {
      return ErrorResponses.invalidInput("Request body must be a JSON object describing a task, got "
          + node.getNodeType());
    }
    try {
      String id = queue.submit((ObjectNode) node);
      return Response.ok(Map.of("task", id), MediaType.APPLICATION_JSON_TYPE).build();
    } catch (InvalidTaskException e) {
      return ErrorResponses.invalidInput(e.getMessage());
    } catch (DuplicateTaskException e) {
      return ErrorResponses.json(Response.Status.BAD_REQUEST, "entryAlreadyExists", "INVALID_INPUT",
          e.getMessage());
    }
  }

  public Response shutdownTask(String taskId) {
    switch (queue.shutdown(taskId)) {
      case NOT_FOUND:
        return ErrorResponses.unknownTask(taskId);
      case ALREADY_COMPLETE:
        // The doc: "Cannot find task with ID or task is no longer running".
        return ErrorResponses.text(Response.Status.NOT_FOUND,
            "Task [" + taskId + "] is no longer running: it has already completed");
      default:
        return Response.ok(Map.of("task", taskId), MediaType.APPLICATION_JSON_TYPE).build();
    }
  }

  public Response shutdownAllTasks(String dataSource) {
    List<String> stopped = queue.shutdownAll(dataSource);
    if (stopped.isEmpty()) {
      return Response.status(Response.Status.NOT_FOUND).build();
    }
    return Response.ok(Map.of("dataSource", dataSource), MediaType.APPLICATION_JSON_TYPE).build();
  }
}
