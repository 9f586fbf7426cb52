package dev.druidtasks.conformance.http;

import java.net.URI;
import java.util.Map;

/** Renders a request as a curl command line that reproduces it. */
public final class CurlCommand {
  private CurlCommand() {}

  public static String of(URI base, ApiRequest r, String user) {
    StringBuilder out = new StringBuilder("curl -sS -i");
    if (!r.method().equals("GET") || r.body() != null) {
      out.append(" -X ").append(r.method());
    }
    if (user != null) {
      out.append(" -u ").append(quote(user + ":$PASSWORD"));
    }
    out.append(' ').append(quote(stripSlash(base.toString()) + r.target()));
    for (Map.Entry<String, String> h : r.headers().entrySet()) {
      out.append(" -H ").append(quote(h.getKey() + ": " + h.getValue()));
    }
    if (r.body() != null) {
      out.append(" --data-binary ").append(quote(printable(r.bodyText())));
    }
    return out.toString();
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** Single-quotes for a POSIX shell. */
  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** Control characters would not survive a copy-paste: shown as \\uXXXX (the report says so). */
  private static String printable(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c < 0x20 && c != '\n' && c != '\t') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    String text = out.toString();
    return text.length() > 4000 ? text.substring(0, 4000) + "…(" + text.length() + " chars)" : text;
  }
}
