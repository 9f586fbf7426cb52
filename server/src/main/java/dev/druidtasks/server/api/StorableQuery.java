package dev.druidtasks.server.api;

import dev.druidtasks.server.task.StorableText;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.List;
import java.util.Map;

/** Refuses query values that cannot reach the database (a NUL character) with a 400 naming the parameter. */
@PreMatching
public final class StorableQuery implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    for (Map.Entry<String, List<String>> p : request.getUriInfo().getQueryParameters(true).entrySet()) {
      boolean bad = !StorableText.storable(p.getKey()) || p.getValue().stream().anyMatch(v -> !StorableText.storable(v));
      if (bad) {
        request.abortWith(ErrorBody.invalidInput("Query parameter [" + p.getKey().replace("\u0000", "\\u0000")
            + "] holds a NUL character (\\u0000), which no value of it can contain"));
        return;
      }
    }
  }
}
