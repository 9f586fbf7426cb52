package dev.druidtasks.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Requests as a non-Java client sends them, header for header and byte for byte (the profiles of clients
 * written in Python), with the answer decoded as that client's HTTP library decodes it (gzip, deflate).
 */
final class HttpReplay {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI target;
  private final Map<String, String> headers;
  private final Duration timeout;
  private final ObjectMapper json = new ObjectMapper();

  /** @param headers what the client's library adds to every request (its User-Agent, Accept, …) */
  HttpReplay(URI target, Map<String, String> headers, Duration timeout) {
    this.target = target;
    this.headers = Map.copyOf(headers);
    this.timeout = timeout;
  }

  record Answer(int status, String contentType, String body) {
    JsonNode json() throws IOException {
      return new ObjectMapper().readTree(body);
    }
  }

  Answer get(String pathAndQuery) throws IOException, InterruptedException {
    return send(request(pathAndQuery).GET());
  }

  /** A POST with a body, or with none at all (no body, no Content-Type) when {@code body} is null. */
  Answer post(String pathAndQuery, String contentType, String body) throws IOException, InterruptedException {
    HttpRequest.Builder b = request(pathAndQuery);
    if (body == null) {
      b.POST(HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    return send(b);
  }

  ObjectMapper json() {
    return json;
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    HttpRequest.Builder b = HttpRequest.newBuilder(target.resolve(pathAndQuery)).timeout(timeout);
    headers.forEach(b::header);
    return b;
  }

  private Answer send(HttpRequest.Builder b) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    String encoding = r.headers().firstValue("Content-Encoding").orElse("identity");
    byte[] body = r.body();
    if (body.length > 0 && !encoding.equalsIgnoreCase("identity")) {
      try (InputStream in = encoding.equalsIgnoreCase("gzip") ? new GZIPInputStream(new ByteArrayInputStream(body))
          : new InflaterInputStream(new ByteArrayInputStream(body))) {
        body = in.readAllBytes();
      }
    }
    return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
        new String(body, StandardCharsets.UTF_8));
  }
}
