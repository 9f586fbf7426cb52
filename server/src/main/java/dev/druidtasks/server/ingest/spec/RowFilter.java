package dev.druidtasks.server.ingest.spec;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.druidtasks.server.task.InvalidField;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Druid's {@code transformSpec.filter}: which rows to keep. A column holds a list of values (a
 * multi-value column matches when any value does; a missing or null column is an empty list).
 * Each filter type is a record that writes back what was given, unknown fields included.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = RowFilter.Selector.class, name = "selector"),
    @JsonSubTypes.Type(value = RowFilter.In.class, name = "in"),
    @JsonSubTypes.Type(value = RowFilter.And.class, name = "and"),
    @JsonSubTypes.Type(value = RowFilter.Or.class, name = "or"),
    @JsonSubTypes.Type(value = RowFilter.Not.class, name = "not"),
    @JsonSubTypes.Type(value = RowFilter.Bound.class, name = "bound"),
    @JsonSubTypes.Type(value = RowFilter.Range.class, name = "range"),
    @JsonSubTypes.Type(value = RowFilter.Equals.class, name = "equals"),
    @JsonSubTypes.Type(value = RowFilter.IsNull.class, name = "null"),
    @JsonSubTypes.Type(value = RowFilter.Like.class, name = "like"),
    @JsonSubTypes.Type(value = RowFilter.Regex.class, name = "regex"),
    @JsonSubTypes.Type(value = RowFilter.True.class, name = "true"),
    @JsonSubTypes.Type(value = RowFilter.False.class, name = "false")})
@JsonClassDescription("filter type")
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface RowFilter {
  /** A row's columns as strings. */
  interface RowView {
    List<String> values(String column);
  }

  boolean matches(RowView row);

  void collectColumns(Set<String> into);

  /** A filter on the values of one column. */
  sealed interface OnColumn extends RowFilter {
    String column();

    boolean matchesValues(List<String> values);

    @Override
    default boolean matches(RowView row) {
      return matchesValues(row.values(column()));
    }

    @Override
    default void collectColumns(Set<String> into) {
      into.add(column());
    }
  }

  /** {@code selector}: {@code value} null matches a missing or null column. */
  record Selector(@JsonProperty("dimension") String column, @JsonInclude(JsonInclude.Include.ALWAYS) Object value,
      @JsonIgnore String text, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) implements OnColumn {
    public Selector {
      InvalidField.required(column, "dimension");
      text = scalar(value, "value");
    }

    public boolean matchesValues(List<String> values) { return hasValue(values, text); }
  }

  record In(@JsonProperty("dimension") String column, List<Object> values, @JsonIgnore Set<String> lookup,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) implements OnColumn {
    public In {
      InvalidField.required(column, "dimension");
      lookup = new HashSet<>();
      for (Object v : InvalidField.required(values, "values")) {
        lookup.add(scalar(v, "values"));
      }
    }

    public boolean matchesValues(List<String> rowValues) {
      if (rowValues.isEmpty()) {
        return lookup.contains(null);
      }
      for (String v : rowValues) {
        if (lookup.contains(v)) {
          return true;
        }
      }
      return false;
    }
  }

  /** {@code bound}: a null bound is unbounded; strict bounds exclude equality. */
  record Bound(@JsonProperty("dimension") String column, Object lower, Object upper, Boolean lowerStrict,
      Boolean upperStrict, String ordering, Boolean alphaNumeric, @JsonIgnore Limits limits,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) implements OnColumn {
    public Bound {
      InvalidField.required(column, "dimension");
      String order = ordering != null ? ordering : Boolean.TRUE.equals(alphaNumeric) ? "alphanumeric" : "lexicographic";
      limits = new Limits(scalar(lower, "lower"), scalar(upper, "upper"), Boolean.TRUE.equals(lowerStrict),
          Boolean.TRUE.equals(upperStrict), Limits.Ordering.named(order));
    }

    public boolean matchesValues(List<String> values) { return limits.matchAny(values); }
  }

  /** {@code range}: ordered as strings when {@code matchValueType} is STRING, as numbers otherwise. */
  record Range(String column, String matchValueType, Object lower, Object upper, Boolean lowerOpen, Boolean upperOpen,
      @JsonIgnore Limits limits, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) implements OnColumn {
    public Range {
      InvalidField.required(column, "column");
      limits = new Limits(scalar(lower, "lower"), scalar(upper, "upper"), Boolean.TRUE.equals(lowerOpen),
          Boolean.TRUE.equals(upperOpen), stringTyped(matchValueType) ? Limits.Ordering.LEXICOGRAPHIC
          : Limits.Ordering.NUMERIC);
    }

    public boolean matchesValues(List<String> values) { return limits.matchAny(values); }
  }

  /** {@code equals}: the value itself, or for numeric types any value equal as a number. */
  record Equals(String column, String matchValueType, Object matchValue, @JsonIgnore String text,
      @JsonIgnore Limits limits, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) implements OnColumn {
    public Equals {
      InvalidField.required(column, "column");
      text = scalar(InvalidField.required(matchValue, "matchValue"), "matchValue");
      limits = stringTyped(matchValueType) ? null : new Limits(text, text, false, false, Limits.Ordering.NUMERIC);
    }

    public boolean matchesValues(List<String> values) {
      return limits == null ? hasValue(values, text) : limits.matchAny(values);
    }
  }

  record IsNull(String column, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) implements OnColumn {
    public IsNull {
      InvalidField.required(column, "column");
    }

    public boolean matchesValues(List<String> values) { return hasValue(values, null); }
  }

  /** {@code like}: SQL's {@code %} and {@code _}, with an optional escape character; the whole value must match. */
  record Like(@JsonProperty("dimension") String column, String pattern, String escape, @JsonIgnore Pattern regex,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) implements OnColumn {
    public Like {
      InvalidField.required(column, "dimension");
      regex = likePattern(InvalidField.required(pattern, "pattern"), escape);
    }

    public boolean matchesValues(List<String> values) { return findsIn(values, regex); }
  }

  /** {@code regex}: the pattern is found in a value. */
  record Regex(@JsonProperty("dimension") String column, String pattern, @JsonIgnore Pattern regex,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) implements OnColumn {
    public Regex {
      InvalidField.required(column, "dimension");
      regex = Pattern.compile(InvalidField.required(pattern, "pattern"));
    }

    public boolean matchesValues(List<String> values) { return findsIn(values, regex); }
  }

  record And(List<RowFilter> fields, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) implements RowFilter {
    public And {
      InvalidField.required(fields, "fields");
    }

    public boolean matches(RowView row) {
      for (RowFilter f : fields) {
        if (!f.matches(row)) {
          return false;
        }
      }
      return true;
    }

    public void collectColumns(Set<String> into) { fields.forEach(f -> f.collectColumns(into)); }
  }

  record Or(List<RowFilter> fields, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) implements RowFilter {
    public Or {
      InvalidField.required(fields, "fields");
    }

    public boolean matches(RowView row) {
      for (RowFilter f : fields) {
        if (f.matches(row)) {
          return true;
        }
      }
      return false;
    }

    public void collectColumns(Set<String> into) { fields.forEach(f -> f.collectColumns(into)); }
  }

  record Not(RowFilter field, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) implements RowFilter {
    public Not {
      InvalidField.required(field, "field");
    }

    public boolean matches(RowView row) { return !field.matches(row); }

    public void collectColumns(Set<String> into) { field.collectColumns(into); }
  }

  record True(@JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) implements RowFilter {
    public boolean matches(RowView row) { return true; }

    public void collectColumns(Set<String> into) {}
  }

  record False(@JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) implements RowFilter {
    public boolean matches(RowView row) { return false; }

    public void collectColumns(Set<String> into) {}
  }

  private static boolean stringTyped(String matchValueType) {
    return matchValueType == null || matchValueType.toUpperCase(Locale.ROOT).equals("STRING");
  }

  /** A filter's value as text: numbers and booleans as written, never an object or array. */
  private static String scalar(Object value, String field) {
    if (value instanceof Map || value instanceof List) {
      throw InvalidField.of(field, " must be a string");
    }
    return value == null ? null : String.valueOf(value);
  }

  private static boolean hasValue(List<String> values, String value) {
    return values.isEmpty() ? value == null : values.contains(value);
  }

  private static boolean findsIn(List<String> values, Pattern pattern) {
    for (String v : values) {
      if (v != null && pattern.matcher(v).find()) {
        return true;
      }
    }
    return false;
  }

  private static Pattern likePattern(String like, String escape) {
    StringBuilder regex = new StringBuilder("^");
    char esc = escape == null || escape.isEmpty() ? 0 : escape.charAt(0);
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (esc != 0 && c == esc && i + 1 < like.length()) {
        regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
      } else {
        regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.append('$').toString(), Pattern.DOTALL);
  }
}
