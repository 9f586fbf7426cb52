package dev.druidtasks.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.druidtasks.server.engine.TaskQueue;
import dev.druidtasks.server.store.AuditDao;
import dev.druidtasks.server.store.TaskStore;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import dev.druidtasks.server.auth.Security;
import org.glassfish.jersey.server.ServerProperties;

/** Registers the HTTP surface: the Tasks API (unless the node is a worker only), status, error mappers. */
public final class ApiResources {
  /** Bodies larger than this are refused with 413 before they are read. */
  public static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

  private ApiResources() {}

  /** The control API is served when given (and the Tasks API is). */
  public static void register(JerseyEnvironment jersey, TaskStore store, TaskQueue queue, ObjectMapper json,
      Clock clock, Duration recentlyFinished, boolean tasksApi, StatusResource status, OverlordResource overlord,
      Optional<Security> security, AuditDao audit, Optional<ControlResource> control) {
    // Error answers keep our bodies (or none); Jetty must not replace them with its HTML error page.
    jersey.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
    jersey.register(new ApiException.Mapper());
    jersey.register(new JsonErrorMapper());
    jersey.register(new WebErrorMapper());
    jersey.register(new UnexpectedErrorMapper());
    jersey.register(new BodySizeLimit(MAX_BODY_BYTES));
    jersey.register(new StorableQuery());
    jersey.register(status);
    security.ifPresent(s -> {
      AccessRules rules = new AccessRules(store.taskReads());
      control.ifPresent(c -> c.onReset(rules::forgetTasks));
      jersey.register(rules);
      jersey.register(new AdminRefusalMapper());
      jersey.register(new BasicSecurityAuthenticationResource(s));
      jersey.register(new BasicSecurityAuthorizationResource(s));
      jersey.register(new RequestAudit(audit, clock));
      jersey.register(new AuditResource(audit));
    });
    if (tasksApi) {
      jersey.register(new TaskInformationResource(store, clock, recentlyFinished));
      jersey.register(new TaskOperationsResource(queue, json,
          security.map(Security::inputSourceSecurity).orElse(false)));
      jersey.register(new TaskManagementResource(store, clock));
      jersey.register(overlord);
      jersey.register(new SegmentsResource(store.segmentStates(), clock));
      control.ifPresent(jersey::register);
      jersey.register(new ConsoleResource());
      jersey.register(new DocsResource());
    }
  }
}
