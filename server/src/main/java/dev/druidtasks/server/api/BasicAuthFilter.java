package dev.druidtasks.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.druidtasks.server.auth.Authenticator;
import dev.druidtasks.server.auth.Identity;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * HTTP Basic authentication in front of everything but the health check. The caller's identity is
 * what {@link Access} checks while the request is served; a refusal never says whether the user exists.
 *
 * @param host this node's host name, which Druid's 401 body names
 */
public record BasicAuthFilter(Authenticator authenticator, ObjectMapper json, String host) implements Filter {
  /** Paths anyone may call without credentials: Druid's Overlord leaves these two open. */
  static final Set<String> OPEN_PATHS = Set.of("/status/health", "/druid/indexer/v1/isLeader");
  private static final Identity NOBODY = new Identity("", List.of());

  /** Druid's 401 body, for a request without credentials and (here too) for refused ones. */
  record Unauthorized(String error, String errorMessage, String errorClass, String host) {}

  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) resp;
    if (OPEN_PATHS.contains(request.getRequestURI())) {
      serve(NOBODY, chain, req, resp);
      return;
    }
    String[] credentials = credentials(request.getHeader("Authorization"));
    if (credentials == null) {
      refuse(response, 401, "Unauthorized");
      return;
    }
    Authenticator.Login login = authenticator.login(request.getRemoteAddr(), credentials[0], credentials[1]);
    if (login instanceof Authenticator.Accepted a) {
      serve(a.identity(), chain, req, resp);
    } else if (login instanceof Authenticator.Throttled t) {
      response.setHeader("Retry-After", Long.toString(Math.max(1, (t.retryAfter().toMillis() + 999) / 1000)));
      refuse(response, 429, "Too many failed logins from this client; try again later");
    } else {
      refuse(response, 401, "Unauthorized");
    }
  }

  /** The user and password of a Basic {@code Authorization} header, or null when there is none or it is malformed. */
  static String[] credentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }

  private void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Basic");
      json.writeValue(response.getOutputStream(), new Unauthorized("Unauthorized request", null, null, host));
    } else {
      json.writeValue(response.getOutputStream(), ErrorBody.of("tooManyRequests", "CAPACITY_EXCEEDED", message));
    }
  }

  private static void serve(Identity caller, FilterChain chain, ServletRequest req, ServletResponse resp)
      throws IOException, ServletException {
    Access.enter(caller);
    try {
      chain.doFilter(req, resp);
    } finally {
      Access.leave();
    }
  }
}
