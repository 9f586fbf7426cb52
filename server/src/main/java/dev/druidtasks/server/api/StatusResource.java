package dev.druidtasks.server.api;

import dev.druidtasks.api.spec.StatusApi;
import jakarta.ws.rs.core.Response;
import java.util.function.BooleanSupplier;

/** {@code /status} and {@code /status/health}, as every Druid node serves them. */
public record StatusResource(String version, String role, int capacity, BooleanSupplier healthy) implements StatusApi {
  record Memory(long maxMemory, long totalMemory, long freeMemory, long usedMemory) {}

  record Status(String version, String role, int capacity, Memory memory) {}

  @Override
  public Response getStatus() {
    Runtime rt = Runtime.getRuntime();
    long total = rt.totalMemory();
    long free = rt.freeMemory();
    return TaskInformationResource.json(new Status(version, role, capacity,
        new Memory(rt.maxMemory(), total, free, total - free)));
  }

  /** {@code true}; a 503 error while the scheduler's or the worker's loop keeps failing. */
  @Override
  public Response getHealth() {
    if (!healthy.getAsBoolean()) {
      return ErrorBody.json(503, "unhealthy", "RUNTIME_FAILURE",
          "This node's scheduling or worker loop keeps failing (see its log): it serves, but tasks may not move");
    }
    return TaskInformationResource.json(true);
  }
}
