package dev.druidtasks.server.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.task.DataSegment;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.Task;
import dev.druidtasks.server.task.TaskExecution;
import dev.druidtasks.server.task.TaskResult;
import dev.druidtasks.server.task.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One native batch ingestion: reads the input, writes segments per time chunk, reports row counts. */
final class IndexTask implements Task {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int PROGRESS_EVERY = 10_000;

  private final String type;
  private final ObjectNode payload;
  private final IngestionSpec spec;
  private final ObjectMapper json = new ObjectMapper();

  IndexTask(String type, ObjectNode payload, IngestionSpec spec) {
    this.type = type;
    this.payload = payload;
    this.spec = spec;
  }

  @Override public String id() { return payload.get("id").asText(); }
  @Override public String groupId() { return payload.get("groupId").asText(); }
  @Override public String type() { return type; }
  @Override public String dataSource() { return spec.dataSource(); }
  @Override public ObjectNode payload() { return payload; }

  @Override
  public List<Interval> lockIntervals() {
    List<Interval> chunks = new ArrayList<>();
    for (Interval i : spec.intervals()) {
      Instant t = spec.segmentGranularity().truncate(i.start());
      while (t.isBefore(i.end())) {
        Interval chunk = spec.segmentGranularity().bucket(t);
        if (!chunks.contains(chunk)) {
          chunks.add(chunk);
        }
        t = chunk.end();
      }
    }
    return chunks;
  }

  @Override
  public TaskResult run(TaskExecution exec) throws Exception {
    RowStats stats = new RowStats();
    List<ObjectNode> saved = new ArrayList<>();
    report(exec, "NOT_STARTED", stats, saved, null, 0);
    TimestampParser timestamps = TimestampParser.of(spec.timestampFormat());
    LineParser parser = new LineParser(spec.format(), json);
    SegmentWriters writers = new SegmentWriters(exec, spec, json);
    exec.log().info("Ingesting into datasource[" + spec.dataSource() + "] from "
        + (spec.inlineData() != null ? "inline data" : spec.files().size() + " file(s): " + spec.files()));
    report(exec, "BUILD_SEGMENTS", stats, saved, null, 0);
    try (RowSource source = new RowSource(spec.files(), spec.inlineData())) {
      String line;
      while ((line = source.nextLine()) != null) {
        if (source.startedNewFile()) {
          parser.newFile();
          exec.log().info("Reading " + source.currentName());
        }
        try {
          Map<String, Object> row = parser.parse(line);
          if (row == null) {
            continue;
          }
          Object rawTime = row.get(spec.timestampColumn());
          if (rawTime == null && spec.timestampMissingValue() != null) {
            rawTime = spec.timestampMissingValue();
          }
          if (rawTime == null) {
            throw new IllegalArgumentException("Timestamp column [" + spec.timestampColumn() + "] is missing");
          }
          Instant t = timestamps.parse(rawTime.toString());
          if (!spec.intervals().isEmpty() && spec.intervals().stream().noneMatch(i -> i.contains(t))) {
            stats.thrownAway++;
          } else {
            writers.write(spec.segmentGranularity().bucket(t), spec.queryGranularity().truncate(t), dimensions(row));
            stats.processed++;
          }
        } catch (IllegalArgumentException e) {
          stats.unparseable++;
          String details = e.getMessage() + " (" + source.currentName() + ", line " + source.lineNumber() + ")";
          if (spec.logParseExceptions()) {
            exec.log().warn("Encountered parse exception: " + details);
          }
          if (saved.size() < spec.maxSavedParseExceptions()) {
            ObjectNode event = NODES.objectNode();
            event.put("timestamp", Timestamps.format(Instant.now()));
            event.put("input", line);
            event.putArray("details").add(details);
            saved.add(event);
          }
          if (stats.unparseable + stats.processedWithError > spec.maxParseExceptions()) {
            stats.processedBytes = source.bytesRead();
            String msg = "Max parse exceptions[" + spec.maxParseExceptions() + "] exceeded";
            exec.log().error(msg);
            writers.discard();
            report(exec, "BUILD_SEGMENTS", stats, saved, msg, 0);
            return TaskResult.failure(msg);
          }
        }
        long seen = stats.processed + stats.thrownAway + stats.unparseable;
        if (seen % PROGRESS_EVERY == 0) {
          stats.processedBytes = source.bytesRead();
          if (exec.stopRequested()) {
            writers.discard();
            exec.log().info("Stop requested after " + seen + " rows; removed the segment files written");
            report(exec, "BUILD_SEGMENTS", stats, saved, "Shutdown request from user", 0);
            return TaskResult.failure("Shutdown request from user");
          }
          exec.log().info("Rows read so far: " + seen + " (processed " + stats.processed + ", thrownAway "
              + stats.thrownAway + ", unparseable " + stats.unparseable + ")");
          report(exec, "BUILD_SEGMENTS", stats, saved, null, 0);
        }
      }
      stats.processedBytes = source.bytesRead();
    } catch (Exception e) {
      writers.discard();
      report(exec, "BUILD_SEGMENTS", stats, saved, e.getMessage(), 0);
      throw e;
    }
    if (exec.stopRequested()) {
      writers.discard();
      return TaskResult.failure("Shutdown request from user");
    }
    List<DataSegment> segments = writers.finish();
    for (DataSegment s : segments) {
      exec.log().info("Wrote segment[" + s.id() + "] with " + s.numRows() + " rows, " + s.size() + " bytes");
    }
    exec.log().info("Publishing " + segments.size() + " segment(s); processed " + stats.processed + ", bytes "
        + stats.processedBytes + ", thrownAway " + stats.thrownAway + ", unparseable " + stats.unparseable);
    report(exec, "COMPLETED", stats, saved, null, segments.size());
    return TaskResult.success(segments);
  }

  private Map<String, Object> dimensions(Map<String, Object> row) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (spec.discoverDimensions()) {
      row.forEach((k, v) -> {
        if (!spec.dimensionExclusions().contains(k)) {
          out.put(k, v);
        }
      });
    } else {
      for (String d : spec.dimensions()) {
        out.put(d, row.get(d));
      }
    }
    return out;
  }

  private void report(TaskExecution exec, String state, RowStats stats, List<ObjectNode> saved, String errorMsg,
      int published) {
    ObjectNode reports = NODES.objectNode();
    ObjectNode r = reports.putObject("ingestionStatsAndErrors");
    r.put("type", "ingestionStatsAndErrors");
    r.put("taskId", id());
    ObjectNode p = r.putObject("payload");
    p.put("ingestionState", state);
    ObjectNode events = p.putObject("unparseableEvents");
    if (!saved.isEmpty()) {
      ArrayNode list = events.putArray("buildSegments");
      saved.forEach(list::add);
    }
    ObjectNode rowStats = p.putObject("rowStats");
    new RowStats().writeTo(rowStats.putObject("determinePartitions"));
    stats.writeTo(rowStats.putObject("buildSegments"));
    if (errorMsg == null) {
      p.putNull("errorMsg");
    } else {
      p.put("errorMsg", errorMsg);
    }
    p.put("segmentAvailabilityConfirmed", false);
    p.put("segmentAvailabilityWaitTimeMs", 0);
    p.putObject("recordsProcessed");
    p.put("segmentsRead", 0);
    p.put("segmentsPublished", published);
    exec.writeReports(reports);
  }

  /** Druid's row counters of one ingestion phase. */
  static final class RowStats {
    long processed;
    long processedBytes;
    long processedWithError;
    long thrownAway;
    long unparseable;

    void writeTo(ObjectNode n) {
      n.put("processed", processed);
      n.put("processedBytes", processedBytes);
      n.put("processedWithError", processedWithError);
      n.put("thrownAway", thrownAway);
      n.put("unparseable", unparseable);
    }
  }
}
