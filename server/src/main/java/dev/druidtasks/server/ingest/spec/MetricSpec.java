package dev.druidtasks.server.ingest.spec;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.druidtasks.server.task.InvalidField;
import java.util.Map;

/** One {@code metricsSpec} aggregator: {@code count}, or a sum, min or max over {@code fieldName}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
    visible = true)
@JsonSubTypes({
    @JsonSubTypes.Type(value = MetricSpec.Count.class, name = "count"),
    @JsonSubTypes.Type(value = MetricSpec.OfField.class, names = {"longSum", "longMin", "longMax", "doubleSum",
        "doubleMin", "doubleMax", "floatSum", "floatMin", "floatMax"})})
@JsonClassDescription("aggregator type")
public sealed interface MetricSpec {
  String type();

  String name();

  /** The input column; null for {@code count}. */
  default String fieldName() {
    return null;
  }

  record Count(String type, String name, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown)
      implements MetricSpec {
    public Count {
      InvalidField.required(name, "name");
    }
  }

  record OfField(String type, String name, String fieldName, @JsonInclude(JsonInclude.Include.NON_NULL) Object expression,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) implements MetricSpec {
    public OfField {
      InvalidField.required(name, "name");
      if (expression != null) {
        throw InvalidField.of("expression", ": expressions are not supported");
      }
      InvalidField.required(fieldName, "fieldName");
    }
  }
}
