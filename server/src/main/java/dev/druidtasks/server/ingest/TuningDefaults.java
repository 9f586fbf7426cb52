package dev.druidtasks.server.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Druid's tuningConfig defaults, filled into the stored payload as {@code GET /task/{id}} shows them. */
final class TuningDefaults {
  private TuningDefaults() {}

  static void fill(ObjectNode t, String type) {
    t.put("type", t.path("type").asText(type));
    long maxRowsPerSegment = t.path("maxRowsPerSegment").asLong(5_000_000);
    t.put("maxRowsPerSegment", maxRowsPerSegment);
    if (!t.has("appendableIndexSpec")) {
      t.putObject("appendableIndexSpec").put("type", "onheap").put("preserveExistingMetrics", false);
    }
    putLong(t, "maxRowsInMemory", 1_000_000);
    putLong(t, "maxBytesInMemory", 0);
    putBool(t, "skipBytesInMemoryOverheadCheck", false);
    putNull(t, "maxTotalRows");
    putNull(t, "numShards");
    putNull(t, "splitHintSpec");
    if (!t.has("partitionsSpec") || t.get("partitionsSpec").isNull()) {
      ObjectNode p = t.putObject("partitionsSpec");
      p.put("type", "dynamic");
      p.put("maxRowsPerSegment", maxRowsPerSegment);
      p.putNull("maxTotalRows");
    }
    if (!t.has("indexSpec")) {
      indexSpec(t.putObject("indexSpec"));
    }
    if (!t.has("indexSpecForIntermediatePersists")) {
      indexSpec(t.putObject("indexSpecForIntermediatePersists"));
    }
    putLong(t, "maxPendingPersists", 0);
    putBool(t, "forceGuaranteedRollup", false);
    putBool(t, "reportParseExceptions", false);
    putLong(t, "pushTimeout", 0);
    putNull(t, "segmentWriteOutMediumFactory");
    putLong(t, "maxNumConcurrentSubTasks", 1);
    putLong(t, "maxRetry", 3);
    putLong(t, "taskStatusCheckPeriodMs", 1000);
    if (!t.has("chatHandlerTimeout")) {
      t.put("chatHandlerTimeout", "PT10S");
    }
    putLong(t, "chatHandlerNumRetries", 5);
    putLong(t, "maxNumSegmentsToMerge", 100);
    putLong(t, "totalNumMergeTasks", 10);
    putBool(t, "logParseExceptions", false);
    putLong(t, "maxParseExceptions", Integer.MAX_VALUE);
    putLong(t, "maxSavedParseExceptions", 0);
    putLong(t, "maxColumnsToMerge", -1);
    putLong(t, "awaitSegmentAvailabilityTimeoutMillis", 0);
    putLong(t, "maxAllowedLockCount", -1);
    if (!t.has("partitionDimensions")) {
      t.putArray("partitionDimensions");
    }
  }

  private static void indexSpec(ObjectNode s) {
    s.putObject("bitmap").put("type", "roaring");
    s.put("dimensionCompression", "lz4");
    s.putObject("stringDictionaryEncoding").put("type", "utf8");
    s.put("metricCompression", "lz4");
    s.put("longEncoding", "longs");
  }

  private static void putLong(ObjectNode n, String f, long v) {
    if (!n.has(f) || n.get(f).isNull()) {
      n.put(f, v);
    }
  }

  private static void putBool(ObjectNode n, String f, boolean v) {
    if (!n.has(f) || n.get(f).isNull()) {
      n.put(f, v);
    }
  }

  private static void putNull(ObjectNode n, String f) {
    if (!n.has(f)) {
      n.putNull(f);
    }
  }
}
