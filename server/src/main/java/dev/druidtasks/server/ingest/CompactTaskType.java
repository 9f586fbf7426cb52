package dev.druidtasks.server.ingest;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.druidtasks.server.ingest.spec.CompactionGranularitySpec;
import dev.druidtasks.server.ingest.spec.CompactionIoConfig;
import dev.druidtasks.server.ingest.spec.DimensionsSpec;
import dev.druidtasks.server.ingest.spec.Granularity;
import dev.druidtasks.server.ingest.spec.GranularitySpec;
import dev.druidtasks.server.ingest.spec.MetricSpec;
import dev.druidtasks.server.ingest.spec.TuningConfig;
import dev.druidtasks.server.task.InvalidField;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.Task;
import dev.druidtasks.server.task.TaskExecution;
import dev.druidtasks.server.task.TaskIds;
import dev.druidtasks.server.task.TaskResult;
import dev.druidtasks.server.task.TaskType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Druid's {@code compact} (native runner): re-ingests the used segments of an interval into a new
 * version that overshadows them, optionally with another granularity, dimensions, metrics or tuning
 * ({@link Compaction} does the work).
 */
public final class CompactTaskType extends TaskType {
  /** Druid's {@code Tasks.DEFAULT_MERGE_TASK_PRIORITY}. */
  static final int PRIORITY = 25;

  public CompactTaskType() {
    super("compact", Compact.class, Map.of());
  }

  record Compact(
      String type,
      String id,
      Resource resource,
      String dataSource,
      @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) Interval interval,
      @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) Object segments,
      CompactionIoConfig ioConfig,
      @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) DimensionsSpec dimensions,
      DimensionsSpec dimensionsSpec,
      Object transformSpec,
      List<MetricSpec> metricsSpec,
      @JsonInclude(JsonInclude.Include.NON_NULL) Granularity segmentGranularity,
      CompactionGranularitySpec granularitySpec,
      Object projections,
      TuningConfig tuningConfig,
      Map<String, Object> context,
      Runner compactionRunner,
      String groupId,
      @JsonIgnore @JacksonInject Clock clock,
      @JsonIgnore List<Interval> lockChunks,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) implements Task {
    Compact {
      dataSource = TaskIds.validateDataSource(InvalidField.required(dataSource, "dataSource"), "dataSource");
      if (segments != null) {
        throw InvalidField.of("segments", ": compacting listed segments is not supported;"
            + " use ioConfig.inputSpec of type interval");
      }
      if (ioConfig != null && interval != null) {
        throw InvalidField.message("At most one of properties [ioConfig, interval] must be present");
      }
      if (ioConfig == null && interval == null) {
        throw InvalidField.message("At least one of properties [ioConfig, interval] must be present");
      }
      ioConfig = ioConfig != null ? ioConfig : CompactionIoConfig.of(interval);
      interval = null;
      dimensionsSpec = dimensionsSpec != null ? dimensionsSpec : dimensions;
      dimensions = null;
      if (transformSpec != null) {
        throw InvalidField.of("transformSpec", ": transforms and filters in compaction are not supported");
      }
      if (projections != null) {
        throw InvalidField.of("projections", ": projections are not supported");
      }
      metricsSpec = metricsSpec == null ? null : List.copyOf(metricsSpec);
      if (granularitySpec != null && segmentGranularity != null
          && !segmentGranularity.equals(granularitySpec.segmentGranularity())) {
        Object inSpec = granularitySpec.segmentGranularity() == null ? null : granularitySpec.segmentGranularity().json();
        throw InvalidField.message("Conflicting segment granularities found " + segmentGranularity.json()
            + "(segmentGranularity) and " + inSpec + "(granularitySpec.segmentGranularity)");
      }
      if (granularitySpec == null && segmentGranularity != null) {
        granularitySpec = new CompactionGranularitySpec(segmentGranularity, null, null, null);
      }
      segmentGranularity = granularitySpec == null ? null : granularitySpec.segmentGranularity();
      tuningConfig = tuningConfig == null ? null : tuningConfig.forCompaction();
      id = id == null ? TaskIds.generate("compact", dataSource, clock.instant()) : TaskIds.validate(id);
      groupId = groupId == null ? id : TaskIds.validate(groupId);
      resource = Resource.of(resource, id);
      context = contextWithDefaults(context);
      compactionRunner = compactionRunner != null ? compactionRunner : new Runner(null);
      lockChunks = lockChunks(ioConfig.inputSpec().interval(), segmentGranularity);
      unknown = unknown == null ? new LinkedHashMap<>() : unknown;
    }

    /** Druid adds these to a compaction's context, after any given keys, in this order. */
    private static Map<String, Object> contextWithDefaults(Map<String, Object> given) {
      Map<String, Object> context = given == null ? new LinkedHashMap<>() : new LinkedHashMap<>(given);
      context.putIfAbsent("lookupLoadingMode", "NONE");
      context.putIfAbsent("useLineageBasedSegmentAllocation", true);
      context.putIfAbsent("forceTimeChunkLock", true);
      return context;
    }

    /** The interval's chunks of the new segment granularity, or the interval when the segments keep theirs. */
    private static List<Interval> lockChunks(Interval interval, Granularity segment) {
      if (segment == null) {
        return List.of(interval);
      }
      try {
        return new GranularitySpec(null, segment, null, null, List.of(interval), null, null).chunks();
      } catch (InvalidField e) {
        throw InvalidField.of("ioConfig.inputSpec.interval", " covers more than " + GranularitySpec.MAX_CHUNKS
            + " time chunks of granularitySpec.segmentGranularity");
      }
    }

    @Override
    public List<Interval> lockIntervals() {
      return lockChunks;
    }

    @Override
    public int defaultPriority() {
      return PRIORITY;
    }

    @Override
    public TaskResult run(TaskExecution execution) {
      return new Compaction(this, execution).run();
    }
  }

  /** {@code compactionRunner}: Druid's {@code native} one (the MSQ runner is not available here). */
  record Runner(String type) {
    Runner {
      type = type != null ? type : "native";
      if (!type.equals("native")) {
        throw InvalidField.of("type", ": compaction runner [" + type + "] is not supported (supported: native)");
      }
    }
  }
}
