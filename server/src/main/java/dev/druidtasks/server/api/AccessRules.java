package dev.druidtasks.server.api;

import dev.druidtasks.server.auth.Action;
import dev.druidtasks.server.auth.ResourceType;
import dev.druidtasks.server.store.TaskReadDao;
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
      Map.entry("auditLog", Guard.SECURITY),
      // the API docs and the tasks page: static files, a login is enough (the page's calls are checked)
      Map.entry("openApiDocument", Guard.OPEN), Map.entry("docsPage", Guard.OPEN),
      Map.entry("docsAsset", Guard.OPEN), Map.entry("consoleRoot", Guard.OPEN),
      Map.entry("consolePage", Guard.OPEN), Map.entry("consoleAsset", Guard.OPEN));

  /** Task ids whose data source was looked up lately: a task's data source never changes. */
  private static final int KNOWN_TASKS = 10_000;

  @Context private ResourceInfo resource;
  private final TaskReadDao tasks;
  private final Map<String, String> dataSourceOfTask = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > KNOWN_TASKS;
        }
      });

  public AccessRules(TaskReadDao tasks) {
    this.tasks = tasks;
  }

  /** Forgets the data sources of tasks seen: after a reset of the control API, an id may be used again. */
  void forgetTasks() {
    dataSourceOfTask.clear();
  }

  /** The task's data source; empty for an unknown task. */
  private Optional<String> dataSourceOf(String taskId) {
    String known = dataSourceOfTask.get(taskId);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<String> found = tasks.find(taskId).map(TaskRecord::dataSource);
    found.ifPresent(ds -> dataSourceOfTask.put(taskId, ds));
    return found;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return; // no endpoint matched: the 404 (or 405) follows
    }
    // the security admin API, and the control API: everything a test may do to the server, so the admin's
    Class<?> endpoints = method.getDeclaringClass();
    Guard guard = endpoints.getSimpleName().startsWith("BasicSecurity") || endpoints == ControlResource.class
        ? Guard.SECURITY : GUARDS.get(method.getName());
    Action action = request.getMethod().equals("GET") || request.getMethod().equals("HEAD") ? Action.READ
        : Action.WRITE;
    var params = request.getUriInfo().getPathParameters();
    if (guard == null) {
      request.abortWith(Access.forbidden());
      return;
    }
    switch (guard) {
      case TASK -> {
        // an unknown task is the endpoint's own 404
        dataSourceOf(params.getFirst("taskId")).ifPresent(ds -> Access.require(ResourceType.DATASOURCE, ds, action));
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
