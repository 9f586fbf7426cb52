package dev.druidtasks.server.task;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Jackson's binding failures as the 400s word them: the field's path, never a Java type. Every refusal of
 * a body that does not bind names paths and kinds of value with {@link #path} and {@link #expected}.
 */
public final class BindingErrors {
  private BindingErrors() {}

  static String message(JsonMappingException e, Collection<String> taskTypes) {
    String path = path(e, "");
    if (e instanceof InvalidTypeIdException t) {
      return unresolvedType(t, path, taskTypes);
    }
    if (e.getCause() instanceof InvalidField f) {
      return f.at(path);
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return "Field [" + path + "] must be " + expected(m.getTargetType());
    }
    String cause = e.getCause() instanceof IllegalArgumentException ? ": " + e.getCause().getMessage() : " is not valid";
    return "Field [" + path + "]" + cause;
  }

  private static String unresolvedType(InvalidTypeIdException e, String path, Collection<String> taskTypes) {
    Class<?> base = e.getBaseType().getRawClass();
    if (base == Task.class) {
      return e.getTypeId() == null
          ? "Could not resolve the task's subtype: missing type id property 'type' (one of " + taskTypes + ")"
          : "Could not resolve type id '" + e.getTypeId() + "': this server runs task types " + taskTypes;
    }
    String field = path.isEmpty() ? "type" : path + ".type";
    if (e.getTypeId() == null) {
      return "Missing required field [" + field + "]";
    }
    JsonClassDescription kind = base.getAnnotation(JsonClassDescription.class);
    return "Field [" + field + "]: " + (kind == null ? "type" : kind.value()) + " [" + e.getTypeId()
        + "] is not supported (supported: " + String.join(", ", names(base)) + ")";
  }

  private static List<String> names(Class<?> base) {
    List<String> names = new ArrayList<>();
    JsonSubTypes subtypes = base.getAnnotation(JsonSubTypes.class);
    if (subtypes != null) {
      for (JsonSubTypes.Type t : subtypes.value()) {
        names.addAll(t.names().length > 0 ? List.of(t.names()) : List.of(t.name()));
      }
    }
    return names;
  }

  /** The kind of JSON value a Java type binds: "a string", "an integer", "an array", … */
  public static String expected(Class<?> c) {
    if (CharSequence.class.isAssignableFrom(c)) {
      return "a string";
    }
    if (c == Boolean.class || c == boolean.class) {
      return "true or false";
    }
    if (c == Double.class || c == double.class || c == Float.class || c == float.class || c == BigDecimal.class) {
      return "a number";
    }
    if (Number.class.isAssignableFrom(c) || c.isPrimitive()) {
      return "an integer";
    }
    if (c.isEnum()) {
      return "one of " + Arrays.toString(c.getEnumConstants());
    }
    if (creator(c, JsonCreator.Mode.DELEGATING)) { // an interval, a granularity's name: written as text
      return creator(c, JsonCreator.Mode.PROPERTIES) ? "a string or a JSON object" : "a string";
    }
    return Collection.class.isAssignableFrom(c) || c.isArray() ? "an array" : "a JSON object";
  }

  /** Whether {@code c} declares a {@code @JsonCreator} of that mode (a delegating one: from one string). */
  private static boolean creator(Class<?> c, JsonCreator.Mode mode) {
    return Stream.concat(Arrays.stream(c.getDeclaredMethods()), Arrays.stream(c.getDeclaredConstructors()))
        .map(m -> m.getAnnotation(JsonCreator.class))
        .anyMatch(a -> a != null && a.mode() == mode);
  }

  /** Where the failure is below {@code root}: {@code spec.dataSchema.metricsSpec[0].fieldName}, or {@code $.ids[2]}. */
  public static String path(JsonMappingException e, String root) {
    StringBuilder b = new StringBuilder(root);
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }
}
