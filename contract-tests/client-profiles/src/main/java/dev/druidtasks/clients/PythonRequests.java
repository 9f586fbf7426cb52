package dev.druidtasks.clients;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** What the Python {@code requests} library puts on every request (the HTTP library of Airflow and pydruid). */
final class PythonRequests {
  static final Map<String, String> HEADERS = Map.of(
      "User-Agent", "python-requests/2.32.3",
      "Accept-Encoding", "gzip, deflate",
      "Accept", "*/*");

  private PythonRequests() {}

  /**
   * A query string as {@code requests} builds it from {@code params=}: {@code urllib.parse.urlencode}, so
   * {@code quote_plus} of each value ({@code /} and {@code :} escaped, space as {@code +}), in insertion order.
   */
  static String query(Map<String, ?> params) {
    if (params.isEmpty()) {
      return "";
    }
    return "?" + params.entrySet().stream().map(e -> quotePlus(e.getKey()) + "=" + quotePlus(String.valueOf(e.getValue())))
        .collect(Collectors.joining("&"));
  }

  /** Java's form encoding differs from Python's {@code quote_plus} only in {@code ~} (kept) and {@code *} (escaped). */
  static String quotePlus(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%7E", "~").replace("*", "%2A");
  }
}
