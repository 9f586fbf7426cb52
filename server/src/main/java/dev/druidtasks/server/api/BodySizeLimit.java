package dev.druidtasks.server.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * Bounds request bodies by the bytes the API reads, after any {@code Content-Encoding} is undone,
 * whatever the framing: a declared length over the bound is refused before anything is read, and a
 * chunked or compressed body is cut off where it passes the bound. A body that does not inflate is a 400.
 */
@PreMatching
public record BodySizeLimit(long maxBytes) implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > maxBytes) {
      // the body is left unread, so the connection is not reused
      request.abortWith(tooLarge(request.getLength() + " bytes", maxBytes));
      return;
    }
    request.setEntityStream(new Bounded(request.getEntityStream(), maxBytes));
  }

  private static Response tooLarge(String size, long maxBytes) {
    return Response.fromResponse(ErrorBody.json(413, "requestTooLarge", "INVALID_INPUT",
        "Request body of " + size + " exceeds the limit of " + maxBytes + " bytes"))
        .header("Connection", "close").build();
  }

  /** Counts what is read; past the bound, or on a body that does not decode, ends the request with a 4xx. */
  private static final class Bounded extends FilterInputStream {
    private final long max;
    private long read;

    Bounded(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = decoded(() -> super.read());
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = decoded(() -> super.read(buf, off, len));
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > max) {
        throw new WebApplicationException(tooLarge("more than " + max + " bytes", max));
      }
    }

    private interface Read {
      int run() throws IOException;
    }

    /** Jetty inflates gzip bodies as they are read; broken ones surface here. */
    private static int decoded(Read read) throws IOException {
      try {
        return read.run();
      } catch (ZipException e) {
        throw notDecodable(e);
      } catch (IOException e) {
        if (e instanceof org.eclipse.jetty.http.HttpException || e instanceof org.eclipse.jetty.io.EofException) {
          // a broken framing (bad chunk, body shorter than said): the client's
          throw new WebApplicationException(ErrorBody.invalidInput("Request body is malformed or cut short: "
              + e.getMessage()));
        }
        throw e;
      } catch (RuntimeException e) {
        if (e.getCause() instanceof ZipException z) {
          throw notDecodable(z);
        }
        throw e;
      }
    }

    private static WebApplicationException notDecodable(ZipException e) {
      return new WebApplicationException(ErrorBody.invalidInput(
          "Request body does not decode as its Content-Encoding says: " + e.getMessage()));
    }
  }
}
