package dev.druidtasks.server.api;

import dev.druidtasks.server.store.AuditDao;
import dev.druidtasks.server.task.Interval;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** The audit log, newest first, for those who may read the security configuration. */
@Path("/druid-tasks/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public record AuditResource(AuditDao audit) {
  private static final int MAX_LINES = 10_000;

  @GET
  public List<AuditDao.Entry> auditLog(@QueryParam("max") String max, @QueryParam("since") String since) {
    int lines = max == null ? 100 : (int) TaskListRequest.integer("max", max, "expected a number of lines");
    if (lines < 0 || lines > MAX_LINES) {
      throw ApiException.badParameter("max", max, "expected 0 to " + MAX_LINES + " lines");
    }
    return audit.recent(since == null ? Instant.EPOCH : instant(since), lines);
  }

  private static Instant instant(String since) {
    try {
      return Interval.parseInstant(since);
    } catch (RuntimeException e) {
      throw ApiException.badParameter("since", since, "expected an ISO-8601 time such as 2026-01-01T00:00:00Z");
    }
  }
}
