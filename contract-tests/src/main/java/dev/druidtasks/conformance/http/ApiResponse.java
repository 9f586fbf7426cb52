package dev.druidtasks.conformance.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One answer from the target; the body is already decompressed when it was sent gzipped. */
public record ApiResponse(int status, Map<String, List<String>> headers, byte[] body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public Optional<String> header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return Optional.of(e.getValue().get(0));
      }
    }
    return Optional.empty();
  }

  /** The full Content-Type header, or empty. */
  public String contentType() {
    return header("Content-Type").orElse("");
  }

  /** The media type without parameters, lower case (e.g. {@code application/json}). */
  public String mediaType() {
    String ct = contentType();
    int semi = ct.indexOf(';');
    return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as JSON, or empty when it is not JSON. */
  public Optional<JsonNode> json() {
    if (body.length == 0) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(JSON.readTree(body));
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }
}
