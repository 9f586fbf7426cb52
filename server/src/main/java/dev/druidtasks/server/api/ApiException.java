package dev.druidtasks.server.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A request the API refuses. Most refusals are JSON errors; the few Druid gives as plain text
 * (unknown task, bad state, missing log or report) have no error code.
 */
final class ApiException extends RuntimeException {
  final int status;
  final String errorCode;

  private ApiException(int status, String errorCode, String message) {
    super(message, null, false, false);
    this.status = status;
    this.errorCode = errorCode;
  }

  static ApiException invalidInput(String message) {
    return new ApiException(400, "invalidInput", message);
  }

  static ApiException alreadyExists(String message) {
    return new ApiException(400, "entryAlreadyExists", message);
  }

  static ApiException badParameter(String name, String value, String expected) {
    return invalidInput("Invalid value [" + value + "] for query parameter [" + name + "]: " + expected);
  }

  static ApiException text(int status, String message) {
    return new ApiException(status, null, message);
  }

  static ApiException unknownTask(String id) {
    return text(404, "Cannot find any task with id: [" + id + "]");
  }

  /** Renders the refusal. */
  static final class Mapper implements ExceptionMapper<ApiException> {
    @Override
    public Response toResponse(ApiException e) {
      return e.errorCode == null ? Response.status(e.status).type(ErrorBody.TEXT).entity(e.getMessage()).build()
          : ErrorBody.json(e.status, e.errorCode, "INVALID_INPUT", e.getMessage());
    }
  }
}
