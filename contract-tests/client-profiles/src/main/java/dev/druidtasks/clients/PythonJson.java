package dev.druidtasks.clients;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON text as Python's {@code json.dumps} writes it: by default {@code ", "} and {@code ": "} separators and
 * every non-ASCII character escaped; with {@code sort_keys=True, indent=4, separators=(',', ': ')} as Airflow's
 * Druid operator renders an index spec.
 */
final class PythonJson {
  private PythonJson() {}

  /** {@code json.dumps(value)}: what python-requests sends for {@code json=value}. */
  static String dumps(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, false, -1, 0);
    return out.toString();
  }

  /** {@code json.dumps(value, sort_keys=True, indent=4, separators=(',', ': '))}. */
  static String dumpsSortedIndented(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, true, 4, 0);
    return out.toString();
  }

  private static void write(StringBuilder out, Object v, boolean sort, int indent, int depth) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof String s) {
      string(out, s);
    } else if (v instanceof Boolean || v instanceof Number) {
      out.append(v);
    } else if (v instanceof Map<?, ?> m) {
      Map<?, ?> entries = sort ? new TreeMap<>(m) : m;
      if (entries.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = entries.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        newline(out, indent, depth + 1);
        string(out, (String) e.getKey());
        out.append(": ");
        write(out, e.getValue(), sort, indent, depth + 1);
        if (it.hasNext()) {
          out.append(indent < 0 ? ", " : ",");
        }
      }
      newline(out, indent, depth);
      out.append('}');
    } else if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append('[');
      for (int i = 0; i < l.size(); i++) {
        newline(out, indent, depth + 1);
        write(out, l.get(i), sort, indent, depth + 1);
        if (i < l.size() - 1) {
          out.append(indent < 0 ? ", " : ",");
        }
      }
      newline(out, indent, depth);
      out.append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass());
    }
  }

  private static void newline(StringBuilder out, int indent, int depth) {
    if (indent >= 0) {
      out.append('\n').append(" ".repeat(indent * depth));
    }
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
