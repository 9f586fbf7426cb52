package dev.druidtasks.server.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /status} and {@code /status/health}, as every Druid node serves them. */
public final class StatusResource {
  private final String version;
  private final Map<String, Object> info;

  public StatusResource(String version, Map<String, Object> info) {
    this.version = version;
    this.info = info;
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

  public Response getHealth() {
    return Response.ok(true, MediaType.APPLICATION_JSON_TYPE).build();
  }
}
