package dev.druidtasks.server.ingest.spec;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.druidtasks.server.task.InvalidField;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.TaskIds;
import dev.druidtasks.server.task.Timestamps;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code spec.dataSchema}: what the rows become. */
public record DataSchema(
    String dataSource,
    TimestampSpec timestampSpec,
    DimensionsSpec dimensionsSpec,
    List<MetricSpec> metricsSpec,
    GranularitySpec granularitySpec,
    TransformSpec transformSpec,
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) Object parser,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) {
  public DataSchema {
    if (parser != null) {
      throw InvalidField.of("parser", " is not supported:"
          + " use spec.ioConfig.inputFormat, spec.dataSchema.timestampSpec and spec.dataSchema.dimensionsSpec");
    }
    TaskIds.validateDataSource(InvalidField.required(dataSource, "dataSource"), "dataSource");
    if (dataSource.contains("\\")) {
      // segment directories are named after it
      throw InvalidField.value("dataSource", "Value [" + dataSource + "] cannot contain '\\'.");
    }
    timestampSpec = timestampSpec != null ? timestampSpec : new TimestampSpec(null, null, null, null, null);
    metricsSpec = metricsSpec != null ? List.copyOf(metricsSpec) : List.of();
    Set<String> names = new HashSet<>();
    for (MetricSpec m : metricsSpec) {
      if (!names.add(m.name())) {
        throw InvalidField.of("metricsSpec", ": duplicate aggregators found with name [" + m.name() + "].");
      }
    }
    dimensionsSpec = (dimensionsSpec != null ? dimensionsSpec : new DimensionsSpec(null, null, null, null, null, null))
        .excluding(timestampSpec.column(), metricsSpec);
    granularitySpec = granularitySpec != null ? granularitySpec
        : new GranularitySpec(null, null, null, null, null, null, null);
    transformSpec = transformSpec != null ? transformSpec : new TransformSpec(null, null, null);
  }

  /** {@code timestampSpec}: the column, its format, and the time to use when a row has none (or null). */
  public record TimestampSpec(String column, String format, @JsonInclude(JsonInclude.Include.ALWAYS) Object missingValue,
      @JsonIgnore Long missingValueMillis, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) {
    public TimestampSpec {
      column = column != null ? column : "timestamp";
      format = format != null ? format : "auto";
      if (missingValue != null) {
        missingValueMillis = millis(missingValue);
        missingValue = Timestamps.format(Instant.ofEpochMilli(missingValueMillis));
      }
    }

    private static long millis(Object value) {
      try {
        return value instanceof Integer || value instanceof Long ? ((Number) value).longValue()
            : Interval.parseInstant((String) value).toEpochMilli();
      } catch (RuntimeException e) {
        throw InvalidField.of("missingValue", ": [" + value + "] is not an ISO-8601 time");
      }
    }
  }

  /** {@code transformSpec}: a row filter; expression transforms are not supported. */
  public record TransformSpec(@JsonInclude(JsonInclude.Include.ALWAYS) RowFilter filter, List<Object> transforms,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) {
    public TransformSpec {
      if (transforms != null && !transforms.isEmpty()) {
        throw InvalidField.of("transforms", ": expression transforms are not supported");
      }
      transforms = List.of();
    }
  }
}
