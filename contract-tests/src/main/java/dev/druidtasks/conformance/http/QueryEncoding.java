package dev.druidtasks.conformance.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Encodes query values so that {@code :} and {@code /} stay readable, as curl users write them. */
final class QueryEncoding {
  private QueryEncoding() {}

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":").replace("%2F", "/");
  }
}
