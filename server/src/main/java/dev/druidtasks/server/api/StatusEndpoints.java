package dev.druidtasks.server.api;

import dev.druidtasks.api.spec.StatusApi;
import jakarta.ws.rs.core.Response;

/** The generated {@link StatusApi} of the OpenAPI document, served by delegation. */
public final class StatusEndpoints implements StatusApi {
  private final StatusResource r;

  StatusEndpoints(StatusResource r) {
    this.r = r;
  }

  @Override
  public Response getStatus() {
    return r.getStatus();
  }

  @Override
  public Response getHealth() {
    return r.getHealth();
  }
}
