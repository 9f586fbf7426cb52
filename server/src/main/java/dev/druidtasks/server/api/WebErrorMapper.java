package dev.druidtasks.server.api;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.ParamException;

/** Errors raised by the framework (no route, wrong method, wrong media type, bad parameter) as JSON. */
public final class WebErrorMapper implements jakarta.ws.rs.ext.ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException e) {
    if (e.getResponse().hasEntity()) {
      return e.getResponse(); // already one of the API's own answers
    }
    if (e instanceof ParamException p) {
      return ErrorBody.invalidInput("Invalid value for " + p.getParameterType().getSimpleName()
          .replace("Param", "").toLowerCase() + " parameter [" + p.getParameterName() + "]");
    }
    Response original = e.getResponse();
    int status = original.getStatus();
    String message;
    String code;
    String category;
    if (e instanceof NotFoundException) {
      message = "Not found: no such resource";
      code = "notFound";
      category = "NOT_FOUND";
    } else if (e instanceof NotAllowedException) {
      message = "Method not allowed here; allowed: " + original.getAllowedMethods();
      code = "methodNotAllowed";
      category = "UNSUPPORTED";
    } else if (e instanceof NotSupportedException) {
      message = "Unsupported media type: send the request body as application/json";
      code = "unsupportedMediaType";
      category = "INVALID_INPUT";
    } else if (e instanceof NotAcceptableException) {
      message = "Not acceptable: this endpoint answers " + "in JSON or text only";
      code = "notAcceptable";
      category = "INVALID_INPUT";
    } else {
      message = e.getMessage() == null ? "HTTP " + status : e.getMessage();
      code = "http" + status;
      category = status < 500 ? "INVALID_INPUT" : "RUNTIME_FAILURE";
    }
    Response r = ErrorBody.json(status, code, category, message);
    if (e instanceof NotSupportedException) {
      // the body was never read: ask the client not to reuse this connection
      r = Response.fromResponse(r).header("Connection", "close").build();
    }
    if (!original.getAllowedMethods().isEmpty()) {
      return Response.fromResponse(r).allow(original.getAllowedMethods()).build();
    }
    return r;
  }
}
