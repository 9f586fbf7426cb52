package dev.druidtasks.conformance.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Compares the shape of an answer with a documented sample: the same keys, the same JSON types,
 * the same nesting; values are not compared. Array elements are each compared with the sample's
 * first element. A null in the sample matches anything.
 *
 * @param openObjects paths where the answer may hold keys the sample lacks ({@code $.payload},
 *     {@code $.*.payload}; {@code *} is any key, {@code []} any array element)
 * @param nullableKeys keys whose value may be null even where the sample shows a value
 */
public record JsonShape(Set<String> openObjects, Set<String> nullableKeys) {
  /** Keys the Tasks API leaves null in some states (an unassigned location, no error). */
  public static final Set<String> API_NULLABLE = Set.of("errorMsg", "host", "dataSource");

  public static JsonShape strict() {
    return new JsonShape(Set.of(), API_NULLABLE);
  }

  public JsonShape openAt(String... paths) {
    Set<String> s = new java.util.HashSet<>(openObjects);
    s.addAll(List.of(paths));
    return new JsonShape(Set.copyOf(s), nullableKeys);
  }

  /** One line per difference, each naming its path; empty when the shapes agree. */
  public List<String> differences(JsonNode sample, JsonNode actual) {
    List<String> out = new ArrayList<>();
    compare("$", null, sample, actual, out);
    return out;
  }

  private void compare(String path, String key, JsonNode sample, JsonNode actual, List<String> out) {
    if (sample == null || sample.isNull()) {
      return;
    }
    if (actual == null || actual.isMissingNode()) {
      out.add(path + ": missing");
      return;
    }
    if (actual.isNull()) {
      if (key == null || !nullableKeys.contains(key)) {
        out.add(path + ": null where the sample has " + typeOf(sample));
      }
      return;
    }
    if (!typeOf(sample).equals(typeOf(actual))) {
      out.add(path + ": " + typeOf(actual) + " where the sample has " + typeOf(sample));
      return;
    }
    if (sample.isObject()) {
      for (Iterator<String> it = sample.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!actual.has(k)) {
          out.add(path + "." + k + ": missing");
        } else {
          compare(path + "." + k, k, sample.get(k), actual.get(k), out);
        }
      }
      if (!isOpen(path)) {
        for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
          String k = it.next();
          if (!sample.has(k)) {
            out.add(path + "." + k + ": not in the sample");
          }
        }
      }
    } else if (sample.isArray() && sample.size() > 0) {
      for (int i = 0; i < actual.size(); i++) {
        compare(path + "[" + i + "]", null, sample.get(0), actual.get(i), out);
      }
    }
  }

  private boolean isOpen(String path) {
    String generic = path.replaceAll("\\[\\d+]", "[]");
    for (String pattern : openObjects) {
      if (matches(pattern, generic)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(String pattern, String path) {
    String regex = java.util.regex.Pattern.quote(pattern).replace("*", "\\E[^.\\[]+\\Q");
    return path.matches(regex);
  }

  /** The JSON type of a node: object, array, string, number, boolean, null (or missing). */
  public static String typeOf(JsonNode n) {
    if (n.isObject()) {
      return "object";
    }
    if (n.isArray()) {
      return "array";
    }
    if (n.isTextual()) {
      return "string";
    }
    if (n.isNumber()) {
      return "number";
    }
    if (n.isBoolean()) {
      return "boolean";
    }
    return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
