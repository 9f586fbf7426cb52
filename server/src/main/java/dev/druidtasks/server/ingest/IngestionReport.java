package dev.druidtasks.server.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The counters and saved parse errors of a run, written as Druid's {@code ingestionStatsAndErrors}
 * report. {@code unparseableEvents} keeps the latest {@code maxSavedParseExceptions} errors, newest
 * first, as Druid does.
 */
final class IngestionReport {
  static final String NOT_STARTED = "NOT_STARTED";
  static final String BUILD_SEGMENTS = "BUILD_SEGMENTS";
  static final String COMPLETED = "COMPLETED";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  String state = NOT_STARTED;
  long processed;
  long processedBytes;
  long processedWithError;
  long thrownAway;
  long unparseable;
  String errorMsg;
  int segmentsPublished;
  private final int maxSaved;
  private final ArrayDeque<ObjectNode> saved = new ArrayDeque<>();

  IngestionReport(int maxSavedParseExceptions) {
    this.maxSaved = maxSavedParseExceptions;
  }

  void save(ObjectNode parseError) {
    if (maxSaved <= 0) {
      return;
    }
    if (saved.size() == maxSaved) {
      saved.removeFirst();
    }
    saved.addLast(parseError);
  }

  long parseErrors() {
    return unparseable + processedWithError;
  }

  /** Druid's report map: {@code ingestionStatsAndErrors}, then {@code taskContext} with the task's context. */
  ObjectNode toReports(String taskId, ObjectNode context) {
    ObjectNode payload = JSON.objectNode();
    payload.put("ingestionState", state);
    ObjectNode events = payload.putObject("unparseableEvents");
    if (maxSaved > 0) {
      ArrayNode list = events.putArray("buildSegments");
      for (Iterator<ObjectNode> it = saved.descendingIterator(); it.hasNext(); ) {
        list.add(it.next().deepCopy());
      }
    }
    ObjectNode rowStats = payload.putObject("rowStats");
    ObjectNode determine = rowStats.putObject("determinePartitions");
    determine.put("processed", 0);
    determine.put("processedBytes", 0);
    determine.put("processedWithError", 0);
    determine.put("thrownAway", 0);
    determine.put("unparseable", 0);
    ObjectNode build = rowStats.putObject("buildSegments");
    build.put("processed", processed);
    build.put("processedBytes", processedBytes);
    build.put("processedWithError", processedWithError);
    build.put("thrownAway", thrownAway);
    build.put("unparseable", unparseable);
    if (errorMsg == null) {
      payload.putNull("errorMsg");
    } else {
      payload.put("errorMsg", errorMsg);
    }
    payload.put("segmentAvailabilityConfirmed", false);
    payload.put("segmentAvailabilityWaitTimeMs", 0);
    // Druid 33's batch tasks leave this map (by partition, for streams) empty
    payload.putObject("recordsProcessed");
    payload.put("segmentsPublished", segmentsPublished);

    ObjectNode reports = JSON.objectNode();
    reports.set("ingestionStatsAndErrors", entry("ingestionStatsAndErrors", taskId, payload));
    reports.set("taskContext", entry("taskContext", taskId, context.deepCopy()));
    return reports;
  }

  private static ObjectNode entry(String type, String taskId, ObjectNode payload) {
    ObjectNode report = JSON.objectNode();
    report.put("type", type);
    report.put("taskId", taskId);
    report.set("payload", payload);
    return report;
  }
}
