package dev.druidtasks.server.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code /status} and {@code /status/health}, as every Druid node serves them. */
public final class StatusResource {
  private final String version;
  private final Map<String, Object> info;
  private final BooleanSupplier healthy;

  public StatusResource(String version, Map<String, Object> info, BooleanSupplier healthy) {
    this.version = version;
    this.info = info;
    this.healthy = healthy;
  }

  public Response getStatus() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", version);
    body.putAll(info);
    body.put("memory", Map.of(
        "maxMemory", Runtime.getRuntime().maxMemory(),
        "totalMemory", Runtime.getRuntime().totalMemory(),
        "freeMemory", Runtime.getRuntime().freeMemory(),
        "usedMemory", Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()));
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** {@code true}; a 503 error while the scheduler's or the worker's loop keeps failing. */
  public Response getHealth() {
    if (!healthy.getAsBoolean()) {
      return ErrorResponses.json(503, "unhealthy", "RUNTIME_FAILURE",
          "This node's scheduling or worker loop keeps failing (see its log): it serves, but tasks may not move");
    }
    return Response.ok(true, MediaType.APPLICATION_JSON_TYPE).build();
  }
}
