package dev.druidtasks.conformance.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Task ids no implementation may accept, by case name: Druid's id rules, plus a length bound. */
final class HostileIds {
  static final String TOO_LONG = "ten-thousand-chars";
  /** The ids that break one of Druid's own rules (Druid validates them in paths too). */
  static final List<String> RULE_BREAKING = List.of("dot-dot-slash", "slash", "control-char", "tab");
  static final Map<String, String> ALL = all();

  private HostileIds() {}

  private static Map<String, String> all() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("dot-dot-slash", "../x");
    m.put("slash", "a/b");
    m.put("empty", "");
    m.put("control-char", "conformance-\u0001-x");
    m.put("tab", "conformance-\t-x");
    m.put(TOO_LONG, "conformance-" + "x".repeat(10_000));
    return java.util.Collections.unmodifiableMap(m);
  }

  static String printable(String id) {
    return id.length() > 40 ? id.substring(0, 20) + "…(" + id.length() + " chars)"
        : id.replace("\u0001", "\\u0001").replace("\t", "\\t");
  }
}
