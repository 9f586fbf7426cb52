package dev.druidtasks.server.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.druidtasks.server.task.BindingErrors;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A body that is not the JSON the endpoint reads: 400, naming the problem and where it is, in JSON
 * terms (an array, a string), never Java's.
 */
public final class JsonErrorMapper implements ExceptionMapper<JsonProcessingException> {
  @Override
  public Response toResponse(JsonProcessingException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof jakarta.ws.rs.WebApplicationException w && w.getResponse().hasEntity()) {
        return w.getResponse(); // the body's reader stopped it (too large, not decodable): that answer stands
      }
    }
    StringBuilder msg = new StringBuilder();
    if (e instanceof StreamConstraintsException) {
      msg.append("Request body exceeds a JSON limit (nesting, length of a number or string)");
    } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      msg.append("Request body is not what this endpoint reads: expected ")
          .append(BindingErrors.expected(m.getTargetType()))
          .append(m.getPath().isEmpty() ? "" : " at " + BindingErrors.path(m, "$"));
    } else {
      msg.append("Request body is not valid JSON: ").append(firstClause(e.getOriginalMessage()));
    }
    JsonLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      msg.append(" (line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr()).append(')');
    }
    return ErrorBody.invalidInput(msg.toString());
  }

  /** Jackson's message up to where it starts describing its own input source and features. */
  private static String firstClause(String message) {
    if (message == null) {
      return "unreadable";
    }
    String m = message;
    for (String cut : new String[] {" at [Source", "\n at [Source", " (for Object starting", "\n"}) {
      int i = m.indexOf(cut);
      if (i > 0) {
        m = m.substring(0, i);
      }
    }
    return m.replaceAll("\\(`[A-Za-z.]+` [a-z]+\\)", "").replaceAll("`[a-z]+(\\.[A-Za-z$]+)+`", "a value").trim();
  }
}
