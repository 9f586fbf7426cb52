package dev.druidtasks.server.api;

import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything else is our fault: 500 with a JSON body and an id to find it in the log; no stack trace. */
public final class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorMapper.class);

  @Override
  public Response toResponse(Throwable e) {
    String ref = UUID.randomUUID().toString();
    LOG.error("unexpected error {}", ref, e);
    return ErrorBody.json(500, "internalServerError", "RUNTIME_FAILURE",
        "Unexpected server error (reference " + ref + ")");
  }
}
