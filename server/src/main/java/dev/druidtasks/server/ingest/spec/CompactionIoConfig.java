package dev.druidtasks.server.ingest.spec;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.druidtasks.server.task.InvalidField;
import dev.druidtasks.server.task.Interval;
import java.util.Map;

/** A {@code compact} task's {@code ioConfig}: which segments it rewrites (those of an interval). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes(@JsonSubTypes.Type(value = CompactionIoConfig.class, name = "compact"))
@JsonClassDescription("ioConfig type")
public record CompactionIoConfig(InputSpec inputSpec, Boolean dropExisting,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) {
  public CompactionIoConfig {
    InvalidField.required(inputSpec, "inputSpec");
    if (dropExisting != null && dropExisting) {
      throw InvalidField.of("dropExisting", ": dropping existing segments is not supported");
    }
    dropExisting = false;
  }

  /** The legacy top-level {@code interval}, as Druid reads it. */
  public static CompactionIoConfig of(Interval interval) {
    return new CompactionIoConfig(new InputSpec(interval, null, null), null, null);
  }

  /** {@code interval}: the used segments overlapping a non-empty interval. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes(@JsonSubTypes.Type(value = InputSpec.class, name = "interval"))
  @JsonClassDescription("compaction input spec type")
  public record InputSpec(Interval interval, @JsonInclude(JsonInclude.Include.ALWAYS) String sha256OfSortedSegmentIds,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) {
    public InputSpec {
      InvalidField.required(interval, "interval");
      if (interval.durationMillis() <= 0) {
        throw InvalidField.value("interval", "Interval[" + interval + "] is empty, must specify a nonempty interval");
      }
      if (!interval.storable()) {
        throw InvalidField.value("interval", "Interval[" + interval + "] reaches outside the time this server stores, "
            + Interval.ETERNITY);
      }
      if (sha256OfSortedSegmentIds != null) {
        throw InvalidField.of("sha256OfSortedSegmentIds", ": checking the segments' hash is not supported");
      }
    }
  }
}
