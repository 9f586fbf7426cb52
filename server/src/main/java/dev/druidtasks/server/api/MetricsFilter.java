package dev.druidtasks.server.api;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.List;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * A histogram of request durations by method, endpoint and status. The endpoint is the matched path
 * template ({@code /druid/indexer/v1/task/{taskId}/status}), never the raw path, so ids do not multiply
 * the series; a request that matched no endpoint counts as {@code unmatched}.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class MetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {
  private static final String STARTED = MetricsFilter.class.getName() + ".started";
  private static final double[] BUCKETS = {.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10};

  private final Histogram requests;

  public MetricsFilter(PrometheusRegistry registry) {
    requests = Histogram.builder().name("druid_tasks_http_request_duration_seconds")
        .help("Seconds taken to answer an HTTP request, by endpoint (its path template).")
        .labelNames("method", "path", "status").classicOnly().classicUpperBounds(BUCKETS).register(registry);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(STARTED) instanceof Long started)) {
      return;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    requests.labelValues(request.getMethod(), template(request), Integer.toString(response.getStatus()))
        .observe(seconds);
  }

  /** The matched templates, outermost first, joined; Jersey lists them innermost first. */
  static String template(ContainerRequestContext request) {
    if (!(request.getUriInfo() instanceof ExtendedUriInfo info) || info.getMatchedResourceMethod() == null) {
      return "unmatched";
    }
    List<UriTemplate> matched = info.getMatchedTemplates();
    StringBuilder path = new StringBuilder();
    for (int i = matched.size() - 1; i >= 0; i--) {
      String part = matched.get(i).getTemplate();
      if (!part.startsWith("/")) {
        path.append('/');
      }
      path.append(part);
    }
    String joined = path.toString().replaceAll("/{2,}", "/");
    return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
  }
}
