package dev.druidtasks.server.ingest.spec;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.druidtasks.server.task.InvalidField;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code dimensionsSpec}: the explicit dimensions and, when none are given or discovery is on, every
 * other column not excluded. Druid writes back the exclusions it computes (time columns, metrics).
 */
public record DimensionsSpec(
    List<DimensionSchema> dimensions,
    List<String> dimensionExclusions,
    Boolean includeAllDimensions,
    Boolean useSchemaDiscovery,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Object> spatialDimensions,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) {
  public static final String TIME_COLUMN = "__time";

  public DimensionsSpec {
    dimensions = dimensions != null ? List.copyOf(dimensions) : List.of();
    dimensionExclusions = dimensionExclusions != null ? List.copyOf(dimensionExclusions) : List.of();
    includeAllDimensions = includeAllDimensions != null && includeAllDimensions;
    useSchemaDiscovery = useSchemaDiscovery != null && useSchemaDiscovery;
    Set<String> names = names(dimensions);
    if (names.size() < dimensions.size()) {
      String twice = dimensions.stream().map(DimensionSchema::name).filter(n -> !names.remove(n)).findFirst().orElseThrow();
      throw InvalidField.of("dimensions", ": duplicate dimension [" + twice + "]");
    }
    for (String e : dimensionExclusions) {
      if (names.contains(e)) {
        throw InvalidField.of("", ": dimensions and dimensions exclusions cannot overlap ([" + e + "])");
      }
    }
    if (spatialDimensions != null && !spatialDimensions.isEmpty()) {
      throw InvalidField.of("spatialDimensions", ": spatial dimensions are not supported");
    }
  }

  private static Set<String> names(List<DimensionSchema> dimensions) {
    Set<String> names = new LinkedHashSet<>();
    dimensions.forEach(d -> names.add(d.name()));
    return names;
  }

  /** Whether columns other than the explicit dimensions become dimensions. */
  public boolean discovers() {
    return useSchemaDiscovery || includeAllDimensions || dimensions.isEmpty();
  }

  /**
   * With Druid's computed exclusions: the given ones, the time columns and every metric's name and
   * input, less the explicit dimensions, sorted.
   */
  DimensionsSpec excluding(String timestampColumn, List<MetricSpec> metrics) {
    Set<String> names = names(dimensions);
    Set<String> computed = new TreeSet<>(dimensionExclusions);
    computed.add(TIME_COLUMN);
    computed.add(timestampColumn);
    for (MetricSpec m : metrics) {
      if (names.contains(m.name())) {
        throw InvalidField.message("Cannot have overlapping dimensions and metrics of the same name."
            + " Please change the name of the metric. Overlap: [" + m.name() + "]");
      }
      computed.add(m.name());
      if (m.fieldName() != null) {
        computed.add(m.fieldName());
      }
    }
    computed.removeAll(names);
    return new DimensionsSpec(dimensions, List.copyOf(computed), includeAllDimensions, useSchemaDiscovery,
        spatialDimensions, unknown);
  }

  /** One dimension: a name, or an object with its {@code type} (string, long, float, double, auto, json). */
  public record DimensionSchema(String type, String name, String multiValueHandling, Boolean createBitmapIndex,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) {
    public static final List<String> TYPES = List.of("string", "long", "float", "double", "auto", "json");
    private static final List<String> MULTI_VALUE_HANDLINGS = List.of("SORTED_ARRAY", "SORTED_SET", "ARRAY");

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public DimensionSchema {
      type = type != null ? type : "string";
      InvalidField.required(name, "name");
      if (!TYPES.contains(type)) {
        throw InvalidField.of("type", ": dimension type [" + type + "] is not supported (supported: "
            + String.join(", ", TYPES) + ")");
      }
      String handling = multiValueHandling != null ? multiValueHandling.toUpperCase(Locale.ROOT) : "SORTED_ARRAY";
      if (!MULTI_VALUE_HANDLINGS.contains(handling)) {
        throw InvalidField.of("multiValueHandling", ": [" + multiValueHandling + "] is not one of "
            + String.join(", ", MULTI_VALUE_HANDLINGS));
      }
      multiValueHandling = handling;
      if (name.isEmpty()) {
        throw InvalidField.of("", ": a dimension name cannot be empty");
      }
      if (name.equals(TIME_COLUMN)) {
        throw InvalidField.of("", ": [" + TIME_COLUMN + "] cannot be a dimension");
      }
      // Druid indexes strings and discovered types; numbers have no bitmap index by default
      createBitmapIndex = createBitmapIndex != null ? createBitmapIndex
          : type.equals("string") || type.equals("auto") || type.equals("json");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static DimensionSchema named(String name) {
      return new DimensionSchema(null, name, null, null, null);
    }
  }
}
