package dev.druidtasks.server.ingest;

import static dev.druidtasks.server.ingest.SpecFields.JSON;
import static dev.druidtasks.server.ingest.SpecFields.keepRest;
import static dev.druidtasks.server.ingest.SpecFields.nullableLong;
import static dev.druidtasks.server.ingest.SpecFields.optionalBoolean;
import static dev.druidtasks.server.ingest.SpecFields.optionalLong;
import static dev.druidtasks.server.ingest.SpecFields.optionalObject;
import static dev.druidtasks.server.ingest.SpecFields.optionalText;
import static dev.druidtasks.server.ingest.SpecFields.orDefault;
import static dev.druidtasks.server.ingest.SpecFields.putNullableLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.ingest.IngestionSpec.Tuning;
import dev.druidtasks.server.task.InvalidTaskException;

/**
 * {@code spec.tuningConfig} with Druid's defaults: {@code index_parallel} shows the parallel task's
 * extra settings, {@code index} does not. Only the dynamic partitioning is supported.
 */
final class TuningConfigReader {
  static final int DEFAULT_MAX_ROWS_PER_SEGMENT = 5_000_000;
  static final int DEFAULT_MAX_ROWS_IN_MEMORY = 1_000_000;

  private TuningConfigReader() {}

  /**
   * @param taskType {@code index_parallel} or {@code index}
   * @param type the (checked) {@code type} field to write back
   */
  static Tuning read(String taskType, String type, ObjectNode in, ObjectNode out) throws InvalidTaskException {
    String base = "spec.tuningConfig";
    boolean parallel = taskType.equals("index_parallel");
    Long maxRowsPerSegment = nullableLong(in, "maxRowsPerSegment", base + ".maxRowsPerSegment");
    Long targetPartitionSize = nullableLong(in, "targetPartitionSize", base + ".targetPartitionSize");
    if (maxRowsPerSegment == null) {
      maxRowsPerSegment = targetPartitionSize;
    }
    Long maxTotalRows = nullableLong(in, "maxTotalRows", base + ".maxTotalRows");
    Long numShards = nullableLong(in, "numShards", base + ".numShards");
    if (numShards != null && numShards != -1) {
      throw new InvalidTaskException("Field [" + base + ".numShards]: hashed partitioning is not supported");
    }
    if (optionalBoolean(in, "forceGuaranteedRollup", base + ".forceGuaranteedRollup", false)) {
      throw new InvalidTaskException("Field [" + base + ".forceGuaranteedRollup]: perfect rollup with hashed or range"
          + " partitioning is not supported; rollup within each time chunk is always complete here");
    }
    ObjectNode partitions = in.hasNonNull("partitionsSpec")
        ? optionalObject(in, "partitionsSpec", base + ".partitionsSpec") : null;
    ObjectNode partitionsOut = null;
    if (partitions != null) {
      String ptype = optionalText(partitions, "type", base + ".partitionsSpec.type", "dynamic");
      if (!ptype.equals("dynamic")) {
        throw new InvalidTaskException("Field [" + base + ".partitionsSpec.type]: partitionsSpec type [" + ptype
            + "] is not supported (supported: dynamic)");
      }
      Long m = nullableLong(partitions, "maxRowsPerSegment", base + ".partitionsSpec.maxRowsPerSegment");
      maxRowsPerSegment = m == null ? DEFAULT_MAX_ROWS_PER_SEGMENT : m;
      maxTotalRows = nullableLong(partitions, "maxTotalRows", base + ".partitionsSpec.maxTotalRows");
    } else if (maxRowsPerSegment != null || maxTotalRows != null) {
      if (maxRowsPerSegment == null) {
        maxRowsPerSegment = (long) DEFAULT_MAX_ROWS_PER_SEGMENT;
      }
      partitions = JSON.objectNode();
    }
    if (partitions != null) {
      partitionsOut = JSON.objectNode();
      partitionsOut.put("type", "dynamic");
      partitionsOut.put("maxRowsPerSegment", maxRowsPerSegment);
      putNullableLong(partitionsOut, "maxTotalRows", maxTotalRows);
      keepRest(partitionsOut, partitions);
    }
    long effectiveMaxRows = maxRowsPerSegment == null ? DEFAULT_MAX_ROWS_PER_SEGMENT : maxRowsPerSegment;
    if (effectiveMaxRows <= 0 || effectiveMaxRows > Integer.MAX_VALUE) {
      throw new InvalidTaskException("Field [" + base + ".maxRowsPerSegment] must be between 1 and " + Integer.MAX_VALUE);
    }
    long maxRowsInMemory = optionalLong(in, "maxRowsInMemory", base + ".maxRowsInMemory", DEFAULT_MAX_ROWS_IN_MEMORY);
    if (maxRowsInMemory <= 0) {
      throw new InvalidTaskException("Field [" + base + ".maxRowsInMemory] must be positive");
    }
    long maxBytesInMemory = optionalLong(in, "maxBytesInMemory", base + ".maxBytesInMemory", 0);
    boolean reportParseExceptions =
        optionalBoolean(in, "reportParseExceptions", base + ".reportParseExceptions", false);
    long maxParseExceptions = optionalLong(in, "maxParseExceptions", base + ".maxParseExceptions", Integer.MAX_VALUE);
    long maxSaved = optionalLong(in, "maxSavedParseExceptions", base + ".maxSavedParseExceptions", 0);
    if (maxParseExceptions < 0 || maxSaved < 0 || maxSaved > Integer.MAX_VALUE) {
      throw new InvalidTaskException("Fields [" + base + ".maxParseExceptions] and [" + base
          + ".maxSavedParseExceptions] must not be negative");
    }
    if (reportParseExceptions) {
      // Druid: reporting parse exceptions means failing on the first one
      maxParseExceptions = 0;
      maxSaved = Math.min(1, maxSaved);
    }
    boolean logParseExceptions = optionalBoolean(in, "logParseExceptions", base + ".logParseExceptions", false);

    out.put("type", type);
    putNullableLong(out, "maxRowsPerSegment", partitionsOut == null ? null : maxRowsPerSegment);
    out.set("appendableIndexSpec", orDefault(in, "appendableIndexSpec",
        JSON.objectNode().put("type", "onheap").put("preserveExistingMetrics", false)));
    out.put("maxRowsInMemory", maxRowsInMemory);
    out.put("maxBytesInMemory", maxBytesInMemory);
    out.put("skipBytesInMemoryOverheadCheck",
        optionalBoolean(in, "skipBytesInMemoryOverheadCheck", base + ".skipBytesInMemoryOverheadCheck", false));
    putNullableLong(out, "maxTotalRows", maxTotalRows);
    out.putNull("numShards");
    if (parallel) {
      out.set("splitHintSpec", orDefault(in, "splitHintSpec", JSON.nullNode()));
    }
    out.set("partitionsSpec", partitionsOut == null ? JSON.nullNode() : partitionsOut);
    ObjectNode indexSpec = indexSpec(in.get("indexSpec"));
    out.set("indexSpec", indexSpec);
    JsonNode intermediate = in.get("indexSpecForIntermediatePersists");
    out.set("indexSpecForIntermediatePersists",
        intermediate == null || intermediate.isNull() ? indexSpec.deepCopy() : indexSpec(intermediate));
    out.put("maxPendingPersists", optionalLong(in, "maxPendingPersists", base + ".maxPendingPersists", 0));
    out.put("forceGuaranteedRollup", false);
    out.put("reportParseExceptions", reportParseExceptions);
    out.put("pushTimeout", optionalLong(in, "pushTimeout", base + ".pushTimeout", 0));
    out.set("segmentWriteOutMediumFactory", orDefault(in, "segmentWriteOutMediumFactory", JSON.nullNode()));
    if (parallel) {
      out.put("maxNumConcurrentSubTasks", optionalLong(in, "maxNumConcurrentSubTasks", base + ".maxNumConcurrentSubTasks", 1));
      out.put("maxRetry", optionalLong(in, "maxRetry", base + ".maxRetry", 3));
      out.put("taskStatusCheckPeriodMs", optionalLong(in, "taskStatusCheckPeriodMs", base + ".taskStatusCheckPeriodMs", 1000));
      out.put("chatHandlerTimeout", optionalText(in, "chatHandlerTimeout", base + ".chatHandlerTimeout", "PT10S"));
      out.put("chatHandlerNumRetries", optionalLong(in, "chatHandlerNumRetries", base + ".chatHandlerNumRetries", 5));
      out.put("maxNumSegmentsToMerge", optionalLong(in, "maxNumSegmentsToMerge", base + ".maxNumSegmentsToMerge", 100));
      out.put("totalNumMergeTasks", optionalLong(in, "totalNumMergeTasks", base + ".totalNumMergeTasks", 10));
    }
    out.put("logParseExceptions", logParseExceptions);
    out.put("maxParseExceptions", maxParseExceptions);
    out.put("maxSavedParseExceptions", maxSaved);
    out.put("maxColumnsToMerge", optionalLong(in, "maxColumnsToMerge", base + ".maxColumnsToMerge", -1));
    out.put("awaitSegmentAvailabilityTimeoutMillis",
        optionalLong(in, "awaitSegmentAvailabilityTimeoutMillis", base + ".awaitSegmentAvailabilityTimeoutMillis", 0));
    if (parallel) {
      out.put("maxAllowedLockCount", optionalLong(in, "maxAllowedLockCount", base + ".maxAllowedLockCount", -1));
    }
    out.set("partitionDimensions", orDefault(in, "partitionDimensions", JSON.arrayNode()));
    keepRest(out, in);
    out.remove("targetPartitionSize");

    long bytesLimit = maxBytesInMemory == 0 ? Runtime.getRuntime().maxMemory() / 6
        : maxBytesInMemory < 0 ? Long.MAX_VALUE : maxBytesInMemory;
    return new Tuning((int) effectiveMaxRows, maxRowsInMemory, bytesLimit, maxParseExceptions, (int) maxSaved,
        logParseExceptions);
  }

  /** Druid's default index spec, with any given keys kept. */
  private static ObjectNode indexSpec(JsonNode given) {
    ObjectNode out = JSON.objectNode();
    out.set("bitmap", JSON.objectNode().put("type", "roaring"));
    out.put("dimensionCompression", "lz4");
    out.set("stringDictionaryEncoding", JSON.objectNode().put("type", "utf8"));
    out.put("metricCompression", "lz4");
    out.put("longEncoding", "longs");
    if (given != null && given.isObject()) {
      given.fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue().deepCopy()));
    }
    return out;
  }
}
