package dev.druidtasks.server.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

@Path("/status")
public final class StatusEndpoints {
  private final StatusResource r;

  StatusEndpoints(StatusResource r) {
    this.r = r;
  }

  @GET
  @Produces({"application/json"})
  public Response getStatus() {
    return r.getStatus();
  }

  @GET
  @Path("/health")
  @Produces({"application/json"})
  public Response getHealth() {
    return r.getHealth();
  }
}
