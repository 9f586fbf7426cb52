package dev.druidtasks.server.api;

import dev.druidtasks.server.auth.AdminRefusal;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;

/** A refused security admin request: 400 with Druid's {@code {"error": …}} body. */
final class AdminRefusalMapper implements ExceptionMapper<AdminRefusal> {
  @Override
  public Response toResponse(AdminRefusal e) {
    return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("error", e.getMessage())).build();
  }
}
