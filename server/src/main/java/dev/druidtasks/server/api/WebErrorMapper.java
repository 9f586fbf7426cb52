package dev.druidtasks.server.api;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.glassfish.jersey.server.ParamException;

/** Errors raised by the framework (no route, wrong method, wrong media type, bad parameter) as JSON. */
public final class WebErrorMapper implements ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    if (original.hasEntity()) {
      return original; // already one of the API's own answers
    }
    if (e instanceof ParamException p) {
      return ErrorBody.invalidInput("Invalid value for " + p.getParameterType().getSimpleName()
          .replace("Param", "").toLowerCase() + " parameter [" + p.getParameterName() + "]");
    }
    int status = original.getStatus();
    Response r = e instanceof NotFoundException ? ErrorBody.json(status, "notFound", "NOT_FOUND",
            "Not found: no such resource")
        : e instanceof NotAllowedException ? ErrorBody.json(status, "methodNotAllowed", "UNSUPPORTED",
            "Method not allowed here; allowed: " + original.getAllowedMethods())
        : e instanceof NotSupportedException ? ErrorBody.json(status, "unsupportedMediaType", "INVALID_INPUT",
            "Unsupported media type: send the request body as application/json")
        : e instanceof NotAcceptableException ? ErrorBody.json(status, "notAcceptable", "INVALID_INPUT",
            "Not acceptable: this endpoint answers in JSON or text only")
        : ErrorBody.json(status, "http" + status, status < 500 ? "INVALID_INPUT" : "RUNTIME_FAILURE",
            e.getMessage() == null ? "HTTP " + status : e.getMessage());
    Response.ResponseBuilder b = Response.fromResponse(r);
    if (!original.getAllowedMethods().isEmpty()) {
      b.allow(original.getAllowedMethods());
    }
    if (e instanceof NotSupportedException) {
      b.header("Connection", "close"); // the body was never read: ask the client not to reuse this connection
    }
    return b.build();
  }
}
