package dev.druidtasks.server.ingest.spec;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.druidtasks.server.task.InvalidField;
import dev.druidtasks.server.task.Interval;
import java.util.List;
import java.util.Map;

/**
 * A {@code compact} task's {@code granularitySpec}: what to change, each null meaning "as the segments
 * have it" (so Druid stores the nulls).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CompactionGranularitySpec(Granularity segmentGranularity, Granularity queryGranularity, Boolean rollup,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) {
  public CompactionGranularitySpec {
    if (segmentGranularity != null && segmentGranularity.unit() == Granularity.Unit.NONE) {
      throw InvalidField.of("segmentGranularity", " cannot be NONE");
    }
  }

  /** The spec of an ingestion of the segments over {@code intervals}, with {@code segment} granularity. */
  public GranularitySpec forIngestion(Granularity segment, boolean defaultRollup, List<Interval> intervals) {
    return new GranularitySpec(null, segment, queryGranularity, rollup != null ? rollup : defaultRollup, intervals,
        null, null);
  }
}
