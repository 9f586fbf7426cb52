package dev.druidtasks.server.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The error answers of the API. JSON errors use Druid's newer body everywhere; the few answers
 * Druid gives as plain text (unknown task, bad state, missing log or report) stay plain text.
 */
public final class ErrorResponses {
  public static final MediaType TEXT = new MediaType("text", "plain", "utf-8");

  private ErrorResponses() {}

  /** {@code {"error":"druidException","errorCode":…,"persona":"USER","category":…,"errorMessage":…,"context":{}}} */
  public static Response json(Response.Status status, String errorCode, String category, String message) {
    return json(status.getStatusCode(), errorCode, category, message);
  }

  public static Response json(int status, String errorCode, String category, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body(errorCode, category, message))
        .build();
  }

  /** The JSON error body, also for answers Jetty gives before the API sees the request. */
  static Map<String, Object> body(String errorCode, String category, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "druidException");
    body.put("errorCode", errorCode);
    body.put("persona", "USER");
    body.put("category", category);
    body.put("errorMessage", message);
    body.put("context", Map.of());
    return body;
  }

  public static Response invalidInput(String message) {
    return json(Response.Status.BAD_REQUEST, "invalidInput", "INVALID_INPUT", message);
  }

  public static Response badParameter(String name, String value, String expected) {
    return invalidInput("Invalid value [" + value + "] for query parameter [" + name + "]: " + expected);
  }

  public static Response text(Response.Status status, String message) {
    return Response.status(status).type(TEXT).entity(message).build();
  }

  public static Response unknownTask(String id) {
    return text(Response.Status.NOT_FOUND, "Cannot find any task with id: [" + id + "]");
  }
}
