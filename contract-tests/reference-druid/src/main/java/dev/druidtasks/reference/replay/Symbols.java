package dev.druidtasks.reference.replay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The names of one target's tasks and datasources in a replay ({@code complete.0}, {@code busy.ds},
 * …), and the normalisation that lets two targets' answers be compared: concrete ids become their
 * names, times and generated parts become placeholders.
 */
public final class Symbols {
  private static final Pattern ISO_TIME = Pattern.compile(
      "[+-]?\\d{4,9}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  /** The random part of Druid's generated ids: 8 letters a–p between underscores. */
  private static final Pattern RANDOM_LETTERS = Pattern.compile("_[a-p]{8}_");

  private final Map<String, String> byName = new LinkedHashMap<>();
  private List<Map.Entry<String, String>> longestFirst = List.of();

  public Symbols put(String name, String value) {
    byName.put(name, value);
    List<Map.Entry<String, String>> entries = new ArrayList<>(byName.entrySet());
    entries.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getValue().length()).reversed());
    longestFirst = List.copyOf(entries);
    return this;
  }

  public String get(String name) {
    String v = byName.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no symbol '" + name + "' in this replay");
    }
    return v;
  }

  /** {@code {name}} for every concrete value, then {@code <time>}, {@code <uuid>}, {@code _<random>_}. */
  public String normalise(String text) {
    String out = text;
    for (Map.Entry<String, String> e : longestFirst) {
      if (!e.getValue().isEmpty()) {
        out = out.replace(e.getValue(), "{" + e.getKey() + "}");
      }
    }
    out = ISO_TIME.matcher(out).replaceAll("<time>");
    out = UUID.matcher(out).replaceAll("<uuid>");
    return RANDOM_LETTERS.matcher(out).replaceAll("_<random>_");
  }
}
