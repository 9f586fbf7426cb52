package dev.druidtasks.server.task.simulated;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.druidtasks.server.task.BindingErrors;
import dev.druidtasks.server.task.InvalidField;
import java.util.Map;

/** Binds a JSON value to a plan or a rule, refusing unknown fields and wrong kinds with the field's path. */
final class StrictJson {
  private static final ObjectMapper STRICT = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
      .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
      .build();

  private StrictJson() {}

  /** {@code value} (a JSON object as maps and lists) as a {@code type}; {@code field} is where it was given. */
  static <T> T bind(Object value, Class<T> type, String field, String example) {
    if (!(value instanceof Map<?, ?>)) {
      throw InvalidField.message("Field [" + field + "] must be an object such as " + example);
    }
    try {
      return STRICT.convertValue(value, type);
    } catch (IllegalArgumentException e) {
      throw InvalidField.message(describe(e.getCause(), field));
    }
  }

  private static String describe(Throwable cause, String field) {
    if (!(cause instanceof JsonMappingException m)) {
      return "Field [" + field + "] is not valid";
    }
    String path = BindingErrors.path(m, field);
    if (m.getCause() instanceof InvalidField f) {
      return f.at(path);
    }
    if (m instanceof UnrecognizedPropertyException u) {
      return "Field [" + path + "] is not known (known: " + String.join(", ",
          u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()) + ")";
    }
    if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
      return "Field [" + path + "] must be " + BindingErrors.expected(mi.getTargetType());
    }
    return "Field [" + path + "] is not valid";
  }

}
