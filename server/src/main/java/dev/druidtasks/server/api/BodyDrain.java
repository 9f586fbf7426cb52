package dev.druidtasks.server.api;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and drops what an answer left of its request body (a refusal answers before reading), up
 * to the body limit, so the connection stays usable: else it is closed under a client that was told
 * nothing and sends its next request into it.
 */
public final class BodyDrain implements Filter {
  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
    chain.doFilter(req, resp);
    try {
      InputStream in = req.getInputStream();
      byte[] buf = new byte[8192];
      long left = ApiResources.MAX_BODY_BYTES;
      for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; ) {
        left -= n;
      }
    } catch (IOException | RuntimeException e) {
      // read as text, or not decodable: the container ends the connection, as it would anyway
    }
  }
}
