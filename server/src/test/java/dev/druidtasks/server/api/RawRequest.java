package dev.druidtasks.server.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * A request as a test builds it, headers and body as given (bad ones included); its body is sent
 * chunked (no length) when {@code chunked}.
 */
record RawRequest(String method, String path, String contentType, String contentEncoding, byte[] body, boolean chunked) {
  static RawRequest json(String path, String body) {
    return new RawRequest("POST", path, "application/json", null, body.getBytes(StandardCharsets.UTF_8), false);
  }

  RawRequest encoded(String encoding, byte[] bytes) {
    return new RawRequest(method, path, contentType, encoding, bytes, chunked);
  }

  RawRequest withChunks() {
    return new RawRequest(method, path, contentType, contentEncoding, body, true);
  }

  RawRequest typed(String type) {
    return new RawRequest(method, path, type, contentEncoding, body, chunked);
  }

  /** {@code path} is the full path (with the API base and any query), already encoded. */
  HttpRequest.Builder on(URI base) {
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
        : HttpRequest.BodyPublishers.ofByteArray(body);
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method, publisher);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (contentEncoding != null) {
      b.header("Content-Encoding", contentEncoding);
    }
    return b;
  }

  static byte[] gzip(byte[] raw) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream z = new GZIPOutputStream(out)) {
        z.write(raw);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    return method + " " + path + " [" + contentType + ", " + contentEncoding + (chunked ? ", chunked" : "") + "] "
        + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
  }
}
