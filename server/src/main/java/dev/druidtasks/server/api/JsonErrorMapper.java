package dev.druidtasks.server.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** A body that is not the JSON the endpoint reads: 400, naming the problem and where it is. */
public final class JsonErrorMapper implements ExceptionMapper<JsonProcessingException> {
  @Override
  public Response toResponse(JsonProcessingException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof jakarta.ws.rs.WebApplicationException w && w.getResponse().hasEntity()) {
        return w.getResponse(); // the body's reader stopped it (too large, not decodable): that answer stands
      }
    }
    String what = e instanceof StreamConstraintsException ? "Request body exceeds a JSON limit"
        : "Request body is not valid JSON for this endpoint";
    StringBuilder msg = new StringBuilder(what).append(": ").append(e.getOriginalMessage());
    JsonLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      msg.append(" (line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr()).append(')');
    }
    return ErrorResponses.invalidInput(msg.toString());
  }
}
