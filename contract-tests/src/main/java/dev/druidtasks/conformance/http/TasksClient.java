package dev.druidtasks.conformance.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Sends {@link ApiRequest}s to one target with the JDK's HTTP client (basic auth when configured). */
public final class TasksClient {
  private final URI base;
  private final String user;
  private final String authorization;
  private final Duration requestTimeout;
  private final HttpClient http;

  public TasksClient(URI base, String user, String password, Duration requestTimeout) {
    this.base = base;
    this.user = user;
    this.authorization = user == null ? null
        : "Basic " + Base64.getEncoder().encodeToString((user + ":" + (password == null ? "" : password))
            .getBytes(StandardCharsets.UTF_8));
    this.requestTimeout = requestTimeout;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  public URI base() {
    return base;
  }

  /** Sends the request; an I/O failure (target down, connection reset) is thrown unchecked. */
  public Exchange send(ApiRequest r) {
    String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
        : base.toString();
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + r.target())).timeout(requestTimeout);
    HttpRequest.BodyPublisher body = r.body() == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(r.body());
    b.method(r.method(), body);
    for (Map.Entry<String, String> h : r.headers().entrySet()) {
      b.header(h.getKey(), h.getValue());
    }
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    long start = System.nanoTime();
    try {
      HttpResponse<byte[]> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      byte[] bytes = resp.body() == null ? new byte[0] : resp.body();
      if (resp.headers().firstValue("Content-Encoding").map("gzip"::equalsIgnoreCase).orElse(false)
          && bytes.length > 0) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
          bytes = in.readAllBytes();
        }
      }
      ApiResponse response = new ApiResponse(resp.statusCode(), resp.headers().map(), bytes);
      return new Exchange(base, r, response, Duration.ofNanos(System.nanoTime() - start), user);
    } catch (IOException e) {
      throw new UncheckedIOException(r.method() + " " + r.target() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
