package dev.druidtasks.server.api;

import dev.druidtasks.server.auth.Action;
import dev.druidtasks.server.auth.Identity;
import dev.druidtasks.server.auth.ResourceType;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * What the caller of the request being served may do. The authentication filter sets the caller for
 * the thread serving the request (requests are served synchronously, start to end on one thread);
 * with security off there is none, and everyone may do everything.
 */
final class Access {
  private static final ThreadLocal<Identity> CALLER = new ThreadLocal<>();

  private Access() {}

  /** The caller of the request this thread serves, until {@link #leave()}. */
  static void enter(Identity caller) {
    CALLER.set(caller);
  }

  static void leave() {
    CALLER.remove();
  }

  static Identity caller() {
    Identity caller = CALLER.get();
    return caller != null ? caller : Identity.ANYONE;
  }

  static void require(ResourceType type, String name, Action action) {
    if (!caller().allows(type, name, action)) {
      throw new WebApplicationException(forbidden());
    }
  }

  /** Druid's answer to a caller without the permission. */
  static Response forbidden() {
    return Response.status(403).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("Access-Check-Result", "Unauthorized")).build();
  }
}
