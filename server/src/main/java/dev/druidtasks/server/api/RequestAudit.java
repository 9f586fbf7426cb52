package dev.druidtasks.server.api;

import dev.druidtasks.server.store.AuditDao;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who did what: every request that changes something and succeeded is a line of the audit log, with
 * its caller, endpoint, task and data source. Bodies are never recorded (they may hold passwords).
 */
public final class RequestAudit implements ContainerResponseFilter {
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  @Context private ResourceInfo resource;
  private final AuditDao audit;
  private final Clock clock;

  public RequestAudit(AuditDao audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Method method = resource.getResourceMethod();
    if (method == null || READS.contains(request.getMethod()) || response.getStatus() >= 400
        || method.getName().equals("getTaskStatuses") || method.getName().equals("getLockedIntervals")) {
      return; // reads that are POSTs for their bodies' sake change nothing either
    }
    var params = request.getUriInfo().getPathParameters();
    String task = params.getFirst("taskId");
    if (task == null && response.getEntity() instanceof ResponseBodies.TaskId submitted) {
      task = submitted.task();
    }
    String names = Stream.of("userName", "roleName", "segmentId").filter(params::containsKey)
        .map(key -> key + "=" + params.getFirst(key)).collect(Collectors.joining(" "));
    audit.recordBy(clock.instant(), Access.caller().name(), "request." + method.getName(), task,
        params.getFirst("dataSource"), names.isEmpty() ? null : names);
  }
}
