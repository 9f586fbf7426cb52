package dev.druidtasks.server.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.task.DataSegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The counters and saved parse errors of a run, written as Druid's {@code ingestionStatsAndErrors}
 * report. {@code unparseableEvents} keeps the latest {@code maxSavedParseExceptions} errors, newest
 * first, as Druid does.
 */
final class IngestionReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Druid's ingestion states; a native batch run without partition hints skips DETERMINE_PARTITIONS. */
  enum State { NOT_STARTED, DETERMINE_PARTITIONS, BUILD_SEGMENTS, COMPLETED }

  /** Druid's row stats, in the order its reports list them. */
  enum RowStat {
    PROCESSED("processed"),
    PROCESSED_BYTES("processedBytes"),
    PROCESSED_WITH_ERROR("processedWithError"),
    THROWN_AWAY("thrownAway"),
    UNPARSEABLE("unparseable");

    private final String name;

    RowStat(String name) {
      this.name = name;
    }

    @JsonValue
    @Override
    public String toString() {
      return name;
    }
  }

  /** One saved parse error. */
  record ParseError(String timestamp, String input, RowStat errorType, String details) {}

  private record Entry(String type, String taskId, Object payload) {}

  private record RowStats(Map<String, Long> determinePartitions, Map<String, Long> buildSegments) {}

  private record Payload(State ingestionState, Map<String, List<ParseError>> unparseableEvents,
      RowStats rowStats, String errorMsg, boolean segmentAvailabilityConfirmed,
      long segmentAvailabilityWaitTimeMs, Map<String, Long> recordsProcessed,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer segmentsRead, int segmentsPublished) {}

  State state = State.NOT_STARTED;
  String errorMsg;
  int segmentsPublished;
  private final long[] counts = new long[RowStat.values().length];
  private final int maxSaved;
  private final ArrayDeque<ParseError> saved = new ArrayDeque<>();
  /** Set when the run is one part of a compaction. */
  private final Part part;

  /**
   * One of a compaction's ingestions: its number, the segments it reads, and the entries of the parts
   * before it, which its report map keeps.
   */
  record Part(int index, List<DataSegment> segments, ObjectNode earlier) {}

  IngestionReport(int maxSavedParseExceptions, Part part) {
    this.maxSaved = maxSavedParseExceptions;
    this.part = part;
  }

  void add(RowStat stat, long n) {
    counts[stat.ordinal()] += n;
  }

  void set(RowStat stat, long value) {
    counts[stat.ordinal()] = value;
  }

  long get(RowStat stat) {
    return counts[stat.ordinal()];
  }

  void save(ParseError error) {
    if (maxSaved <= 0) {
      return;
    }
    if (saved.size() == maxSaved) {
      saved.removeFirst();
    }
    saved.addLast(error);
  }

  long parseErrors() {
    return get(RowStat.UNPARSEABLE) + get(RowStat.PROCESSED_WITH_ERROR);
  }

  /** {@code processed 3, processedWithError 0, …} for the log. */
  String describeCounts() {
    return Arrays.stream(RowStat.values()).map(s -> s + " " + get(s)).collect(Collectors.joining(", "));
  }

  /**
   * Druid's report map: {@code ingestionStatsAndErrors}, then {@code taskContext} with the task's context.
   * A compaction's part {@code n} adds {@code taskContext_n}, then {@code ingestionStatsAndErrors_n}, to the
   * entries of the parts before it.
   */
  ObjectNode toReports(String taskId, ObjectNode context) {
    Map<String, Long> determine = new LinkedHashMap<>();
    Map<String, Long> build = new LinkedHashMap<>();
    for (RowStat s : RowStat.values()) {
      determine.put(s.toString(), 0L);
      build.put(s.toString(), get(s));
    }
    List<ParseError> newestFirst = new ArrayList<>(saved);
    Collections.reverse(newestFirst);
    // Druid 33's batch tasks leave recordsProcessed (by partition, for streams) empty
    Payload payload = new Payload(state, maxSaved > 0 ? Map.of("buildSegments", newestFirst) : Map.of(),
        new RowStats(determine, build), errorMsg, false, 0, Map.of(), part == null ? null : part.segments().size(),
        segmentsPublished);
    JsonNode stats = JSON.valueToTree(new Entry("ingestionStatsAndErrors", taskId, payload));
    JsonNode taskContext = JSON.valueToTree(new Entry("taskContext", taskId, context));
    if (part == null) {
      ObjectNode reports = JSON.createObjectNode();
      reports.set("ingestionStatsAndErrors", stats);
      reports.set("taskContext", taskContext);
      return reports;
    }
    ObjectNode reports = part.earlier().deepCopy();
    reports.set("taskContext_" + part.index(), taskContext);
    reports.set("ingestionStatsAndErrors_" + part.index(), stats);
    return reports;
  }
}
