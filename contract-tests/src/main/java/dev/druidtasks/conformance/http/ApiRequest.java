package dev.druidtasks.conformance.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request to the target.
 *
 * @param method HTTP method
 * @param path the path, already percent-encoded, starting with {@code /}
 * @param query query parameters (encoded when sent), in order
 * @param headers request headers
 * @param body the body bytes, or null for none
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
    byte[] body) {

  public ApiRequest {
    query = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  public static ApiRequest get(String path) {
    return new ApiRequest("GET", path, Map.of(), Map.of(), null);
  }

  public static ApiRequest post(String path) {
    return new ApiRequest("POST", path, Map.of(), Map.of(), null);
  }

  public static ApiRequest delete(String path) {
    return new ApiRequest("DELETE", path, Map.of(), Map.of(), null);
  }

  /** A POST with a JSON body and {@code Content-Type: application/json}. */
  public static ApiRequest postJson(String path, String json) {
    return post(path).withHeader("Content-Type", "application/json").withBody(json);
  }

  public ApiRequest withQuery(String name, String value) {
    Map<String, String> q = new LinkedHashMap<>(query);
    q.put(name, value);
    return new ApiRequest(method, path, q, headers, body);
  }

  public ApiRequest withQuery(Map<String, String> more) {
    Map<String, String> q = new LinkedHashMap<>(query);
    q.putAll(more);
    return new ApiRequest(method, path, q, headers, body);
  }

  public ApiRequest withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new ApiRequest(method, path, query, h, body);
  }

  public ApiRequest withBody(String text) {
    return new ApiRequest(method, path, query, headers, text.getBytes(StandardCharsets.UTF_8));
  }

  public ApiRequest withBody(byte[] bytes) {
    return new ApiRequest(method, path, query, headers, bytes);
  }

  /** Path and encoded query, as sent on the request line. */
  public String target() {
    if (query.isEmpty()) {
      return path;
    }
    StringBuilder q = new StringBuilder();
    for (Map.Entry<String, String> e : query.entrySet()) {
      q.append(q.length() == 0 ? '?' : '&').append(QueryEncoding.encode(e.getKey())).append('=')
          .append(QueryEncoding.encode(e.getValue()));
    }
    return path + q;
  }

  public String bodyText() {
    return body == null ? "" : new String(body, StandardCharsets.UTF_8);
  }
}
