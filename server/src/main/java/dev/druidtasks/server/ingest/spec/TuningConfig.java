package dev.druidtasks.server.ingest.spec;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.druidtasks.server.task.InvalidField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spec.tuningConfig} with Druid's defaults, in Druid's order. The parallel task's own settings
 * ({@code splitHintSpec}, {@code maxNumConcurrentSubTasks}, …) are filled for {@code index_parallel}
 * only (see {@link #forTask}). Only dynamic partitioning is supported.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TuningConfig(
    String type,
    @JsonInclude(JsonInclude.Include.ALWAYS) Long maxRowsPerSegment,
    Object appendableIndexSpec,
    Long maxRowsInMemory,
    Long maxBytesInMemory,
    Boolean skipBytesInMemoryOverheadCheck,
    @JsonInclude(JsonInclude.Include.ALWAYS) Long maxTotalRows,
    @JsonInclude(JsonInclude.Include.ALWAYS) Long numShards,
    JsonNode splitHintSpec,
    @JsonInclude(JsonInclude.Include.ALWAYS) PartitionsSpec partitionsSpec,
    Map<String, Object> indexSpec,
    Map<String, Object> indexSpecForIntermediatePersists,
    Long maxPendingPersists,
    Boolean forceGuaranteedRollup,
    Boolean reportParseExceptions,
    Long pushTimeout,
    @JsonInclude(JsonInclude.Include.ALWAYS) Object segmentWriteOutMediumFactory,
    Long maxNumConcurrentSubTasks,
    Long maxRetry,
    Long taskStatusCheckPeriodMs,
    String chatHandlerTimeout,
    Long chatHandlerNumRetries,
    Long maxNumSegmentsToMerge,
    Long totalNumMergeTasks,
    Boolean logParseExceptions,
    Long maxParseExceptions,
    Long maxSavedParseExceptions,
    Long maxColumnsToMerge,
    Long awaitSegmentAvailabilityTimeoutMillis,
    Long maxAllowedLockCount,
    List<Object> partitionDimensions,
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) Long targetPartitionSize,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) {
  private static final long DEFAULT_MAX_ROWS_PER_SEGMENT = 5_000_000;
  private static final long DEFAULT_MAX_ROWS_IN_MEMORY = 1_000_000;
  private static final String FIELD = "spec.tuningConfig";

  public TuningConfig {
    maxRowsPerSegment = maxRowsPerSegment != null ? maxRowsPerSegment : targetPartitionSize;
    targetPartitionSize = null;
    if (numShards != null && numShards != -1) {
      throw InvalidField.of("numShards", ": hashed partitioning is not supported");
    }
    numShards = null;
    if (forceGuaranteedRollup != null && forceGuaranteedRollup) {
      throw InvalidField.of("forceGuaranteedRollup", ": perfect rollup with hashed or range partitioning is not"
          + " supported; rollup within each time chunk is always complete here");
    }
    forceGuaranteedRollup = false;
    if (partitionsSpec != null) {
      maxRowsPerSegment = orElse(partitionsSpec.maxRowsPerSegment(), DEFAULT_MAX_ROWS_PER_SEGMENT);
      maxTotalRows = partitionsSpec.maxTotalRows();
    } else if (maxRowsPerSegment != null || maxTotalRows != null) {
      maxRowsPerSegment = orElse(maxRowsPerSegment, DEFAULT_MAX_ROWS_PER_SEGMENT);
    }
    if (partitionsSpec != null || maxRowsPerSegment != null) {
      partitionsSpec = new PartitionsSpec("dynamic", maxRowsPerSegment, maxTotalRows,
          partitionsSpec == null ? null : partitionsSpec.unknown());
    }
    long rows = orElse(maxRowsPerSegment, DEFAULT_MAX_ROWS_PER_SEGMENT);
    if (rows <= 0 || rows > Integer.MAX_VALUE) {
      throw InvalidField.of("maxRowsPerSegment", " must be between 1 and " + Integer.MAX_VALUE);
    }
    if (appendableIndexSpec == null) {
      Map<String, Object> onHeap = new LinkedHashMap<>();
      onHeap.put("type", "onheap");
      onHeap.put("preserveExistingMetrics", false);
      appendableIndexSpec = onHeap;
    }
    maxRowsInMemory = orElse(maxRowsInMemory, DEFAULT_MAX_ROWS_IN_MEMORY);
    if (maxRowsInMemory <= 0) {
      throw InvalidField.of("maxRowsInMemory", " must be positive");
    }
    maxBytesInMemory = orElse(maxBytesInMemory, 0L);
    skipBytesInMemoryOverheadCheck = skipBytesInMemoryOverheadCheck != null && skipBytesInMemoryOverheadCheck;
    indexSpec = withIndexDefaults(indexSpec);
    indexSpecForIntermediatePersists = indexSpecForIntermediatePersists != null
        ? withIndexDefaults(indexSpecForIntermediatePersists) : indexSpec;
    maxPendingPersists = orElse(maxPendingPersists, 0L);
    reportParseExceptions = reportParseExceptions != null && reportParseExceptions;
    pushTimeout = orElse(pushTimeout, 0L);
    logParseExceptions = logParseExceptions != null && logParseExceptions;
    maxParseExceptions = orElse(maxParseExceptions, (long) Integer.MAX_VALUE);
    maxSavedParseExceptions = orElse(maxSavedParseExceptions, 0L);
    if (maxParseExceptions < 0 || maxSavedParseExceptions < 0 || maxSavedParseExceptions > Integer.MAX_VALUE) {
      throw InvalidField.message("Fields [" + FIELD + ".maxParseExceptions] and [" + FIELD
          + ".maxSavedParseExceptions] must not be negative");
    }
    if (reportParseExceptions) {
      // Druid: reporting parse exceptions means failing on the first one
      maxParseExceptions = 0L;
      maxSavedParseExceptions = Math.min(1, maxSavedParseExceptions);
    }
    maxColumnsToMerge = orElse(maxColumnsToMerge, -1L);
    awaitSegmentAvailabilityTimeoutMillis = orElse(awaitSegmentAvailabilityTimeoutMillis, 0L);
    partitionDimensions = partitionDimensions != null ? partitionDimensions : List.of();
  }

  public static TuningConfig defaults() {
    return new TuningConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** Typed for a task of {@code taskType}; {@code index_parallel} gets the parallel task's defaults too. */
  TuningConfig forTask(String taskType) {
    return typed(IndexSpec.sameType(type, taskType, FIELD + ".type"), taskType.equals("index_parallel"));
  }

  /**
   * A {@code compact} task's tuning: Druid reads an {@code index}, {@code index_parallel} or {@code compaction}
   * one (the type is required) and stores it as {@code compaction} with the parallel task's defaults.
   */
  public TuningConfig forCompaction() {
    List<String> types = List.of("compaction", "index", "index_parallel");
    if (!types.contains(InvalidField.required(type, "tuningConfig.type"))) {
      throw InvalidField.of("tuningConfig.type", ": tuning config type [" + type + "] is not supported (supported: "
          + String.join(", ", types) + ")");
    }
    return typed("compaction", true);
  }

  private TuningConfig typed(String storedType, boolean parallel) {
    return new TuningConfig(storedType, maxRowsPerSegment,
        appendableIndexSpec, maxRowsInMemory, maxBytesInMemory, skipBytesInMemoryOverheadCheck, maxTotalRows, numShards,
        parallel && splitHintSpec == null ? NullNode.instance : splitHintSpec, partitionsSpec, indexSpec,
        indexSpecForIntermediatePersists, maxPendingPersists, forceGuaranteedRollup, reportParseExceptions, pushTimeout,
        segmentWriteOutMediumFactory, parallel(parallel, maxNumConcurrentSubTasks, 1L), parallel(parallel, maxRetry, 3L),
        parallel(parallel, taskStatusCheckPeriodMs, 1000L), parallel(parallel, chatHandlerTimeout, "PT10S"),
        parallel(parallel, chatHandlerNumRetries, 5L), parallel(parallel, maxNumSegmentsToMerge, 100L),
        parallel(parallel, totalNumMergeTasks, 10L), logParseExceptions, maxParseExceptions, maxSavedParseExceptions,
        maxColumnsToMerge, awaitSegmentAvailabilityTimeoutMillis, parallel(parallel, maxAllowedLockCount, -1L),
        partitionDimensions, null, unknown);
  }

  /** The segment size limit the run uses. */
  public int effectiveMaxRowsPerSegment() {
    return (int) orElse(maxRowsPerSegment, DEFAULT_MAX_ROWS_PER_SEGMENT).longValue();
  }

  /** Druid's reading of {@code maxBytesInMemory}: 0 is a sixth of the heap, a negative value no limit. */
  public long effectiveMaxBytesInMemory() {
    return maxBytesInMemory == 0 ? Runtime.getRuntime().maxMemory() / 6
        : maxBytesInMemory < 0 ? Long.MAX_VALUE : maxBytesInMemory;
  }

  private static <T> T parallel(boolean parallel, T given, T fallback) {
    return parallel && given == null ? fallback : given;
  }

  private static <T> T orElse(T given, T fallback) {
    return given != null ? given : fallback;
  }

  /** Druid's default index spec, with any given keys in their place or after. */
  private static Map<String, Object> withIndexDefaults(Map<String, Object> given) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("bitmap", Map.of("type", "roaring"));
    spec.put("dimensionCompression", "lz4");
    spec.put("stringDictionaryEncoding", Map.of("type", "utf8"));
    spec.put("metricCompression", "lz4");
    spec.put("longEncoding", "longs");
    if (given != null) {
      spec.putAll(given);
    }
    return spec;
  }

  /** {@code partitionsSpec}: {@code dynamic} only. */
  public record PartitionsSpec(String type, Long maxRowsPerSegment,
      @JsonInclude(JsonInclude.Include.ALWAYS) Long maxTotalRows,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) {
    public PartitionsSpec {
      type = type != null ? type : "dynamic";
      if (!type.equals("dynamic")) {
        throw InvalidField.of("type", ": partitionsSpec type [" + type + "] is not supported (supported: dynamic)");
      }
    }
  }
}
