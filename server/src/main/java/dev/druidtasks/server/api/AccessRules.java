package dev.druidtasks.server.api;

import dev.druidtasks.server.auth.Action;
import dev.druidtasks.server.auth.ResourceType;
import dev.druidtasks.server.store.TaskDao;
import dev.druidtasks.server.store.TaskRecord;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

/**
 * Which permission each endpoint needs, as Druid's resource filters decide it: a task's endpoints need
 * its data source, a data source's endpoints that data source, the cluster's endpoints STATE, the
 * security admin API CONFIG {@code security}; reads (GET) need READ, everything else WRITE. Endpoints
 * whose permission depends on the body or filters their answer check in the method ({@code IN_METHOD}).
 * An endpoint missing from the table is refused.
 */
@Priority(Priorities.AUTHORIZATION)
public final class AccessRules implements ContainerRequestFilter {
  enum Guard { TASK, DATASOURCE, STATE, SECURITY, IN_METHOD, OPEN }

  static final Map<String, Guard> GUARDS = Map.ofEntries(
      Map.entry("getTaskPayload", Guard.TASK), Map.entry("getTaskStatus", Guard.TASK),
      Map.entry("getTaskSegments", Guard.TASK), Map.entry("getTaskLog", Guard.TASK),
      Map.entry("getTaskReports", Guard.TASK), Map.entry("shutdownTask", Guard.TASK),
      Map.entry("shutdownAllTasks", Guard.DATASOURCE), Map.entry("deletePendingSegments", Guard.DATASOURCE),
      Map.entry("markAllNonOvershadowedSegmentsAsUsed", Guard.DATASOURCE),
      Map.entry("markAllSegmentsAsUnused", Guard.DATASOURCE),
      Map.entry("markNonOvershadowedSegmentsAsUsed", Guard.DATASOURCE),
      Map.entry("markSegmentsAsUnused", Guard.DATASOURCE), Map.entry("markSegmentAsUsed", Guard.DATASOURCE),
      Map.entry("markSegmentAsUnused", Guard.DATASOURCE),
      Map.entry("getTasks", Guard.IN_METHOD), Map.entry("getCompleteTasks", Guard.IN_METHOD),
      Map.entry("getRunningTasks", Guard.IN_METHOD), Map.entry("getWaitingTasks", Guard.IN_METHOD),
      Map.entry("getPendingTasks", Guard.IN_METHOD), Map.entry("submitTask", Guard.IN_METHOD),
      Map.entry("getTaskStatuses", Guard.IN_METHOD),
      Map.entry("getLeader", Guard.STATE), Map.entry("isLeader", Guard.STATE), Map.entry("getWorkers", Guard.STATE),
      Map.entry("getTotalWorkerCapacity", Guard.STATE), Map.entry("getLockedIntervals", Guard.STATE),
      Map.entry("isCompactionSupervisorEnabled", Guard.STATE), Map.entry("getSupervisors", Guard.STATE),
      Map.entry("getStatus", Guard.STATE), Map.entry("getHealth", Guard.OPEN),
      Map.entry("auditLog", Guard.SECURITY));

  @Context private ResourceInfo resource;
  private final TaskDao tasks;

  public AccessRules(TaskDao tasks) {
    this.tasks = tasks;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return; // no endpoint matched: the 404 (or 405) follows
    }
    Guard guard = method.getDeclaringClass().getSimpleName().startsWith("BasicSecurity") ? Guard.SECURITY
        : GUARDS.get(method.getName());
    Action action = request.getMethod().equals("GET") || request.getMethod().equals("HEAD") ? Action.READ
        : Action.WRITE;
    var params = request.getUriInfo().getPathParameters();
    if (guard == null) {
      request.abortWith(Access.forbidden());
      return;
    }
    switch (guard) {
      case TASK -> {
        Optional<TaskRecord> task = tasks.find(params.getFirst("taskId"));
        // an unknown task is the endpoint's own 404
        task.ifPresent(t -> Access.require(ResourceType.DATASOURCE, t.dataSource(), action));
      }
      case DATASOURCE -> Access.require(ResourceType.DATASOURCE, params.getFirst("dataSource"), action);
      case STATE -> Access.require(ResourceType.STATE, "STATE", action);
      case SECURITY -> Access.require(ResourceType.CONFIG, "security", action);
      case IN_METHOD, OPEN -> { }
    }
  }
}
