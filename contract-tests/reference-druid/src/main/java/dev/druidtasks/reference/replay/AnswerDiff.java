package dev.druidtasks.reference.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.druidtasks.conformance.check.JsonShape;
import dev.druidtasks.conformance.http.ApiResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The differences between the reference's answer and a target's, each naming where it lies. */
final class AnswerDiff {
  private static final int MAX_DIFFERENCES = 12;
  private static final int MAX_TEXT = 160;

  private final Symbols refSymbols;
  private final Symbols targetSymbols;
  private final Comparison comparison;
  private final List<String> out = new ArrayList<>();

  private AnswerDiff(Symbols refSymbols, Symbols targetSymbols, Comparison comparison) {
    this.refSymbols = refSymbols;
    this.targetSymbols = targetSymbols;
    this.comparison = comparison;
  }

  static List<String> between(ApiResponse ref, Symbols refSymbols, ApiResponse target, Symbols targetSymbols,
      Comparison comparison) {
    AnswerDiff d = new AnswerDiff(refSymbols, targetSymbols, comparison);
    d.compare(ref, target);
    return d.out.size() > MAX_DIFFERENCES ? List.copyOf(d.out.subList(0, MAX_DIFFERENCES)) : List.copyOf(d.out);
  }

  private void compare(ApiResponse ref, ApiResponse target) {
    if (ref.status() != target.status()) {
      out.add("status: " + ref.status() + " vs " + target.status());
    }
    if (!ref.mediaType().equals(target.mediaType())) {
      out.add("content type: '" + ref.mediaType() + "' vs '" + target.mediaType() + "'");
      return;
    }
    if (comparison == Comparison.STATUS) {
      return;
    }
    Optional<JsonNode> a = ref.json();
    Optional<JsonNode> b = target.json();
    if (a.isPresent() && b.isPresent() && isError(a.get()) && isError(b.get())) {
      error(a.get(), b.get());
    } else if (a.isPresent() && b.isPresent()) {
      json("$", a.get(), b.get());
    } else if (a.isPresent() != b.isPresent()) {
      out.add("body: " + (a.isPresent() ? "JSON" : "not JSON") + " vs " + (b.isPresent() ? "JSON" : "not JSON"));
    } else if (comparison == Comparison.FULL) {
      String x = refSymbols.normalise(ref.text());
      String y = targetSymbols.normalise(target.text());
      if (!x.equals(y)) {
        out.add("text: '" + clip(x) + "' vs '" + clip(y) + "'");
      }
    }
  }

  /** Druid's two error bodies: {@code {"error": message}} and {@code {"error": "druidException", "errorMessage", …}}. */
  private static boolean isError(JsonNode n) {
    return n.isObject() && n.path("error").isTextual() && (n.size() == 1 || "druidException".equals(n.get("error").asText()));
  }

  private static String errorForm(JsonNode n) {
    return "druidException".equals(n.get("error").asText()) ? "druidException" : "{\"error\": …}";
  }

  private static String errorMessage(JsonNode n) {
    return "druidException".equals(n.get("error").asText()) ? n.path("errorMessage").asText() : n.get("error").asText();
  }

  private void error(JsonNode a, JsonNode b) {
    if (!errorForm(a).equals(errorForm(b))) {
      out.add("error body: " + errorForm(a) + " vs " + errorForm(b));
    }
    if (comparison == Comparison.FULL) {
      String x = refSymbols.normalise(errorMessage(a));
      String y = targetSymbols.normalise(errorMessage(b));
      if (!x.equals(y)) {
        out.add("error message: '" + clip(x) + "' vs '" + clip(y) + "'");
      }
    }
  }

  private void json(String path, JsonNode a, JsonNode b) {
    if (out.size() > MAX_DIFFERENCES) {
      return;
    }
    String ta = JsonShape.typeOf(a);
    String tb = JsonShape.typeOf(b);
    if (!ta.equals(tb)) {
      out.add(path + ": " + ta + " vs " + tb + valueNote(a, b));
      return;
    }
    switch (ta) {
      case "object" -> {
        // Keys may be ids (bulk status): compared by their names.
        Map<String, JsonNode> x = fields(a, refSymbols);
        Map<String, JsonNode> y = fields(b, targetSymbols);
        TreeSet<String> keys = new TreeSet<>(x.keySet());
        keys.addAll(y.keySet());
        for (String k : keys) {
          if (!x.containsKey(k)) {
            out.add(path + "." + k + ": only in the target");
          } else if (!y.containsKey(k)) {
            out.add(path + "." + k + ": only in the reference");
          } else {
            json(path + "." + k, x.get(k), y.get(k));
          }
        }
      }
      case "array" -> {
        if (a.size() != b.size()) {
          out.add(path + ": " + a.size() + " elements vs " + b.size());
        }
        Iterator<JsonNode> ia = a.elements();
        Iterator<JsonNode> ib = b.elements();
        for (int i = 0; ia.hasNext() && ib.hasNext(); i++) {
          json(path + "[" + i + "]", ia.next(), ib.next());
        }
      }
      case "string" -> {
        if (comparison == Comparison.FULL) {
          String x = refSymbols.normalise(a.asText());
          String y = targetSymbols.normalise(b.asText());
          if (!x.equals(y)) {
            out.add(path + ": '" + clip(x) + "' vs '" + clip(y) + "'");
          }
        }
      }
      case "number" -> {
        if (comparison == Comparison.FULL && Double.compare(Math.signum(a.asDouble()), Math.signum(b.asDouble())) != 0) {
          out.add(path + ": " + a + " vs " + b + " (sign)");
        }
      }
      case "boolean" -> {
        if (comparison == Comparison.FULL && a.asBoolean() != b.asBoolean()) {
          out.add(path + ": " + a + " vs " + b);
        }
      }
      default -> {
        // null on both sides
      }
    }
  }

  private static Map<String, JsonNode> fields(JsonNode object, Symbols symbols) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> out.put(symbols.normalise(e.getKey()), e.getValue()));
    return out;
  }

  private String valueNote(JsonNode a, JsonNode b) {
    return comparison == Comparison.FULL ? " (" + clip(refSymbols.normalise(a.toString())) + " vs "
        + clip(targetSymbols.normalise(b.toString())) + ")" : "";
  }

  private static String clip(String s) {
    String one = s.replace("\n", "\\n");
    return one.length() > MAX_TEXT ? one.substring(0, MAX_TEXT) + "…" : one;
  }
}
