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
 * Which permission each endpoint needs, as Druid 33's resource filters decide it: a task's endpoints
 * need its data source, a data source's endpoints that data source, the cluster's endpoints STATE (bulk
 * status and locked intervals too, being POSTs: STATE WRITE), capacity and the compaction flag CONFIG, the
 * security admin API CONFIG {@code security}; reads (GET) need READ, everything else WRITE. Endpoints
 * whose permission depends on the body or that filter their answer check in the method ({@code IN_METHOD});
 * {@code OPEN} ones need only a login (or not even that: see {@link BasicAuthFilter#OPEN_PATHS}).
 * An endpoint missing from the table is refused.
 */
@Priority(Priorities.AUTHORIZATION)
public final class AccessRules implements ContainerRequestFilter {
  enum Guard { TASK, DATASOURCE, DATASOURCE_READ_AND_WRITE, STATE, CONFIG, SECURITY, IN_METHOD, OPEN }

  static final Map<String, Guard> GUARDS = Map.ofEntries(
      Map.entry("getTaskPayload", Guard.TASK), Map.entry("getTaskStatus", Guard.TASK),
      Map.entry("getTaskSegments", Guard.TASK), Map.entry("getTaskLog", Guard.TASK),
      Map.entry("getTaskReports", Guard.TASK), Map.entry("shutdownTask", Guard.TASK),
      Map.entry("shutdownAllTasks", Guard.DATASOURCE), Map.entry("deletePendingSegments", Guard.DATASOURCE_READ_AND_WRITE),
      Map.entry("markAllNonOvershadowedSegmentsAsUsed", Guard.DATASOURCE),
      Map.entry("markAllSegmentsAsUnused", Guard.DATASOURCE),
      Map.entry("markNonOvershadowedSegmentsAsUsed", Guard.DATASOURCE),
      Map.entry("markSegmentsAsUnused", Guard.DATASOURCE), Map.entry("markSegmentAsUsed", Guard.DATASOURCE),
      Map.entry("markSegmentAsUnused", Guard.DATASOURCE),
      Map.entry("getTasks", Guard.IN_METHOD), Map.entry("getCompleteTasks", Guard.IN_METHOD),
      Map.entry("getRunningTasks", Guard.IN_METHOD), Map.entry("getWaitingTasks", Guard.IN_METHOD),
      Map.entry("getPendingTasks", Guard.IN_METHOD), Map.entry("submitTask", Guard.IN_METHOD),
      Map.entry("getTaskStatuses", Guard.STATE),
      Map.entry("getLeader", Guard.STATE), Map.entry("isLeader", Guard.OPEN), Map.entry("getWorkers", Guard.STATE),
      Map.entry("getTotalWorkerCapacity", Guard.CONFIG), Map.entry("getLockedIntervals", Guard.STATE),
      Map.entry("isCompactionSupervisorEnabled", Guard.CONFIG), Map.entry("getSupervisors", Guard.OPEN),
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
      case DATASOURCE_READ_AND_WRITE -> {
        Access.require(ResourceType.DATASOURCE, params.getFirst("dataSource"), Action.READ);
        Access.require(ResourceType.DATASOURCE, params.getFirst("dataSource"), Action.WRITE);
      }
      case STATE -> Access.require(ResourceType.STATE, "STATE", action);
      case CONFIG -> Access.require(ResourceType.CONFIG, "CONFIG", action);
      case SECURITY -> Access.require(ResourceType.CONFIG, "security", action);
      case IN_METHOD, OPEN -> { }
    }
  }
}
