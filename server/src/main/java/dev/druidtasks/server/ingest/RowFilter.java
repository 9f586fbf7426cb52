package dev.druidtasks.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Druid's {@code transformSpec.filter}: which rows to keep. A column holds a list of values (a
 * multi-value column matches when any value does; a missing or null column is an empty list).
 */
sealed interface RowFilter {
  /** A row's columns as strings. */
  interface RowView {
    List<String> values(String column);
  }

  boolean matches(RowView row);

  void collectColumns(Set<String> into);

  /** @throws IllegalArgumentException naming the field under {@code path} that is wrong */
  static RowFilter parse(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("Field [" + path + "] must be a filter object");
    }
    String type = node.path("type").asText("");
    switch (type) {
      case "selector":
        return new Selector(text(node, "dimension", path, true), text(node, "value", path, false));
      case "in": {
        JsonNode values = node.get("values");
        if (values == null || !values.isArray()) {
          throw new IllegalArgumentException("Missing required field [" + path + ".values]");
        }
        Set<String> set = new HashSet<>();
        values.forEach(v -> set.add(v.isNull() ? null : v.asText()));
        return new In(text(node, "dimension", path, true), set);
      }
      case "and":
      case "or": {
        JsonNode fields = node.get("fields");
        if (fields == null || !fields.isArray()) {
          throw new IllegalArgumentException("Missing required field [" + path + ".fields]");
        }
        List<RowFilter> parts = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
          parts.add(parse(fields.get(i), path + ".fields[" + i + "]"));
        }
        return type.equals("and") ? new And(parts) : new Or(parts);
      }
      case "not": {
        JsonNode field = node.get("field");
        if (field == null || field.isNull()) {
          throw new IllegalArgumentException("Missing required field [" + path + ".field]");
        }
        return new Not(parse(field, path + ".field"));
      }
      case "bound": {
        String ordering = node.path("ordering").asText(
            node.path("alphaNumeric").asBoolean(false) ? "alphanumeric" : "lexicographic");
        return new Range(text(node, "dimension", path, true), text(node, "lower", path, false),
            text(node, "upper", path, false), node.path("lowerStrict").asBoolean(false),
            node.path("upperStrict").asBoolean(false), Ordering.parse(ordering, path + ".ordering"));
      }
      case "range": {
        String valueType = node.path("matchValueType").asText("STRING").toUpperCase(Locale.ROOT);
        Ordering ordering = valueType.equals("STRING") ? Ordering.LEXICOGRAPHIC : Ordering.NUMERIC;
        return new Range(text(node, "column", path, true), text(node, "lower", path, false),
            text(node, "upper", path, false), node.path("lowerOpen").asBoolean(false),
            node.path("upperOpen").asBoolean(false), ordering);
      }
      case "equals": {
        String valueType = node.path("matchValueType").asText("STRING").toUpperCase(Locale.ROOT);
        String value = text(node, "matchValue", path, true);
        if (valueType.equals("STRING")) {
          return new Selector(text(node, "column", path, true), value);
        }
        return new Range(text(node, "column", path, true), value, value, false, false, Ordering.NUMERIC);
      }
      case "null":
        return new Selector(text(node, "column", path, true), null);
      case "like":
        return new Matches(text(node, "dimension", path, true),
            likePattern(text(node, "pattern", path, true), text(node, "escape", path, false)));
      case "regex":
        return new Matches(text(node, "dimension", path, true), Pattern.compile(text(node, "pattern", path, true)));
      case "true":
        return new Constant(true);
      case "false":
        return new Constant(false);
      case "":
        throw new IllegalArgumentException("Missing required field [" + path + ".type]");
      default:
        throw new IllegalArgumentException("Field [" + path + ".type]: filter type [" + type
            + "] is not supported (supported: selector, in, and, or, not, bound, range, equals, null, like, regex, true, false)");
    }
  }

  private static String text(JsonNode node, String field, String path, boolean required) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new IllegalArgumentException("Missing required field [" + path + "." + field + "]");
      }
      return null;
    }
    if (v.isContainerNode()) {
      throw new IllegalArgumentException("Field [" + path + "." + field + "] must be a string");
    }
    return v.asText();
  }

  private static Pattern likePattern(String like, String escape) {
    StringBuilder regex = new StringBuilder("^");
    char esc = escape == null || escape.isEmpty() ? 0 : escape.charAt(0);
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (esc != 0 && c == esc && i + 1 < like.length()) {
        regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.append('$').toString(), Pattern.DOTALL);
  }

  enum Ordering {
    LEXICOGRAPHIC, NUMERIC, STRLEN;

    static Ordering parse(String name, String path) {
      return switch (name.toLowerCase(Locale.ROOT)) {
        case "lexicographic" -> LEXICOGRAPHIC;
        case "numeric" -> NUMERIC;
        case "strlen" -> STRLEN;
        default -> throw new IllegalArgumentException(
            "Field [" + path + "]: ordering [" + name + "] is not supported (supported: lexicographic, numeric, strlen)");
      };
    }

    /** Compares a row value to a bound; null when the value cannot be ordered this way (never matches). */
    Integer compare(String value, String bound) {
      switch (this) {
        case NUMERIC: {
          BigDecimal a = number(value);
          BigDecimal b = number(bound);
          return a == null || b == null ? null : a.compareTo(b);
        }
        case STRLEN: {
          int c = Integer.compare(value.codePointCount(0, value.length()), bound.codePointCount(0, bound.length()));
          return c != 0 ? c : compareCodePoints(value, bound);
        }
        default:
          return compareCodePoints(value, bound);
      }
    }

    private static BigDecimal number(String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }

    /** Code point order, which is UTF-8 byte order (Druid's lexicographic comparator). */
    private static int compareCodePoints(String a, String b) {
      int i = 0;
      int j = 0;
      while (i < a.length() && j < b.length()) {
        int ca = a.codePointAt(i);
        int cb = b.codePointAt(j);
        if (ca != cb) {
          return Integer.compare(ca, cb);
        }
        i += Character.charCount(ca);
        j += Character.charCount(cb);
      }
      return Integer.compare(a.length() - i, b.length() - j);
    }
  }

  /** {@code selector} ({@code value} null matches a missing or null column) and {@code equals}. */
  record Selector(String column, String value) implements RowFilter {
    @Override
    public boolean matches(RowView row) {
      List<String> values = row.values(column);
      if (values.isEmpty()) {
        return value == null;
      }
      for (String v : values) {
        if (value == null ? v == null : value.equals(v)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void collectColumns(Set<String> into) {
      into.add(column);
    }
  }

  record In(String column, Set<String> values) implements RowFilter {
    @Override
    public boolean matches(RowView row) {
      List<String> rowValues = row.values(column);
      if (rowValues.isEmpty()) {
        return values.contains(null);
      }
      for (String v : rowValues) {
        if (values.contains(v)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void collectColumns(Set<String> into) {
      into.add(column);
    }
  }

  /** {@code bound} and {@code range}: a null bound is unbounded; strict bounds exclude equality. */
  record Range(String column, String lower, String upper, boolean lowerStrict, boolean upperStrict, Ordering ordering)
      implements RowFilter {
    @Override
    public boolean matches(RowView row) {
      for (String v : row.values(column)) {
        if (v != null && within(v)) {
          return true;
        }
      }
      return false;
    }

    private boolean within(String v) {
      if (lower != null) {
        Integer c = ordering.compare(v, lower);
        if (c == null || c < 0 || (lowerStrict && c == 0)) {
          return false;
        }
      }
      if (upper != null) {
        Integer c = ordering.compare(v, upper);
        if (c == null || c > 0 || (upperStrict && c == 0)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void collectColumns(Set<String> into) {
      into.add(column);
    }
  }

  /** {@code like} and {@code regex}: the pattern must match (like) or be found in (regex) a value. */
  record Matches(String column, Pattern pattern) implements RowFilter {
    @Override
    public boolean matches(RowView row) {
      for (String v : row.values(column)) {
        if (v != null && pattern.matcher(v).find()) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void collectColumns(Set<String> into) {
      into.add(column);
    }
  }

  record And(List<RowFilter> fields) implements RowFilter {
    @Override
    public boolean matches(RowView row) {
      for (RowFilter f : fields) {
        if (!f.matches(row)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void collectColumns(Set<String> into) {
      fields.forEach(f -> f.collectColumns(into));
    }
  }

  record Or(List<RowFilter> fields) implements RowFilter {
    @Override
    public boolean matches(RowView row) {
      for (RowFilter f : fields) {
        if (f.matches(row)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void collectColumns(Set<String> into) {
      fields.forEach(f -> f.collectColumns(into));
    }
  }

  record Not(RowFilter field) implements RowFilter {
    @Override
    public boolean matches(RowView row) {
      return !field.matches(row);
    }

    @Override
    public void collectColumns(Set<String> into) {
      field.collectColumns(into);
    }
  }

  record Constant(boolean value) implements RowFilter {
    @Override
    public boolean matches(RowView row) {
      return value;
    }

    @Override
    public void collectColumns(Set<String> into) {}
  }
}
