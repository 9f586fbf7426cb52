package dev.druidtasks.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;

/**
 * A {@code Content-Type} that is not a media type ({@code json}) is a 400 naming it: checked in
 * front of everything that would parse it and answer an empty 400.
 */
public record MediaTypeCheck(ObjectMapper json) implements Filter {
  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
    String given = ((HttpServletRequest) req).getHeader("Content-Type");
    if (given != null && !parses(given)) {
      HttpServletResponse r = (HttpServletResponse) resp;
      r.setStatus(400);
      r.setContentType("application/json");
      r.setHeader("Connection", "close");
      json.writeValue(r.getOutputStream(), ErrorBody.of("invalidInput", "INVALID_INPUT",
          "Header [Content-Type]: [" + given + "] is not a media type; send application/json"));
      return;
    }
    chain.doFilter(req, resp);
  }

  private static boolean parses(String mediaType) {
    try {
      MediaType.valueOf(mediaType);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
