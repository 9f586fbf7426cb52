package dev.druidtasks.server.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/** Refuses bodies over a bound before anything reads them. */
@PreMatching
public final class BodySizeLimit implements ContainerRequestFilter {
  private final long maxBytes;

  public BodySizeLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > maxBytes) {
      // the body is left unread, so the connection is not reused
      request.abortWith(jakarta.ws.rs.core.Response.fromResponse(ErrorResponses.json(413, "requestTooLarge",
          "INVALID_INPUT", "Request body of " + request.getLength() + " bytes exceeds the limit of " + maxBytes
              + " bytes")).header("Connection", "close").build());
    }
  }
}
