package dev.druidtasks.server.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.ingest.CompactTaskType.Compact;
import dev.druidtasks.server.ingest.read.FloatingMetrics;
import dev.druidtasks.server.ingest.spec.CompactionGranularitySpec;
import dev.druidtasks.server.ingest.spec.DataSchema;
import dev.druidtasks.server.ingest.spec.DimensionsSpec;
import dev.druidtasks.server.ingest.spec.Granularity;
import dev.druidtasks.server.ingest.spec.MetricSpec;
import dev.druidtasks.server.ingest.spec.TuningConfig;
import dev.druidtasks.server.task.DataSegment;
import dev.druidtasks.server.task.InvalidField;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.TaskExecution;
import dev.druidtasks.server.task.TaskLockException;
import dev.druidtasks.server.task.TaskResult;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One run of a {@code compact} task: the used segments overlapping its interval become the input of a
 * native batch ingestion ({@link IngestionRun}) over their extent, whose segments get a new version and
 * so overshadow them.
 *
 * <p>What the segments' metadata here cannot tell is chosen thus: dimensions default to the union of the
 * segments' dimensions (in order of appearance), all as strings; metrics to the segments' metrics sorted
 * by name (as Druid lists them), each summed onto itself ({@code longSum}, or {@code doubleSum} when its
 * values are floating-point), so {@code count} becomes a {@code longSum} but a min or max is summed too
 * unless {@code metricsSpec} says otherwise; query granularity defaults to {@code none} (rows keep their
 * stored time) and rollup to on when there are metrics. Without a segment granularity the segments keep
 * theirs: as in Druid, each run of overlapping segments is compacted by an ingestion of its own, with the
 * standard granularity its extent is one bucket of, and reports as a part of its own.
 */
record Compaction(Compact task, TaskExecution execution) {
  static final String NO_SEGMENTS =
      "No segments found for compaction. Please check that datasource name and interval are correct.";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Segments compacted by one ingestion, into chunks of {@code granularity} over {@code extent}. */
  private record Part(List<DataSegment> segments, Granularity granularity, Interval extent) {}

  TaskResult run() {
    Interval interval = task.ioConfig().inputSpec().interval();
    List<DataSegment> segments = execution.usedSegments(task.dataSource(), interval).stream()
        .sorted(Comparator.comparing((DataSegment s) -> s.interval().start()).thenComparing(DataSegment::version)
            .thenComparingInt(DataSegment::partitionNum)).toList();
    if (segments.isEmpty()) {
      execution.log().error(NO_SEGMENTS);
      return TaskResult.failure(NO_SEGMENTS);
    }
    execution.log().info("Compacting " + segments.size() + " segment(s) of [" + task.dataSource() + "] in " + interval);
    List<DataSegment> written = new ArrayList<>();
    ObjectNode reports = JSON.createObjectNode();
    List<Part> parts;
    try {
      parts = parts(segments, interval);
    } catch (IllegalArgumentException e) {
      return failure(e.getMessage(), written);
    }
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      DataSchema schema;
      try {
        schema = schema(part);
        for (Interval chunk : schema.granularitySpec().chunks()) {
          execution.lock(chunk);
        }
      } catch (InvalidField e) {
        return failure(e.at(""), written);
      } catch (IllegalArgumentException | IOException | TaskLockException e) {
        return failure(e.getMessage(), written);
      }
      TuningConfig tuning = task.tuningConfig() != null ? task.tuningConfig() : TuningConfig.defaults();
      IngestionRun run = new IngestionRun(task.id(), schema, tuning, null, execution, reportedContext(),
          new IngestionReport.Part(i, part.segments(), reports));
      TaskResult result = run.run();
      if (!result.succeeded()) {
        removeUnpublished(written);
        return result;
      }
      written.addAll(result.segments());
      reports = run.reports();
    }
    return TaskResult.success(written);
  }

  /** A failure before a part's ingestion runs; the segment files of the parts before it go. */
  private TaskResult failure(String message, List<DataSegment> written) {
    removeUnpublished(written);
    execution.log().error("Compaction failed: " + message);
    return TaskResult.failure(message);
  }

  private void removeUnpublished(List<DataSegment> written) {
    if (!written.isEmpty()) {
      execution.killSegments(written);
    }
  }

  /**
   * With a segment granularity, one part over the segments and the interval; without, as Druid does, one
   * part per run of overlapping segments, keeping the granularity their extent is one bucket of.
   */
  private List<Part> parts(List<DataSegment> segments, Interval interval) {
    Granularity given = task.granularitySpec() == null ? null : task.granularitySpec().segmentGranularity();
    if (given != null) {
      return List.of(new Part(segments, given, umbrella(segments, interval)));
    }
    List<Part> parts = new ArrayList<>();
    List<DataSegment> run = new ArrayList<>();
    for (DataSegment s : segments) {
      if (!run.isEmpty() && !s.interval().start().isBefore(umbrella(run, null).end())) {
        parts.add(kept(run));
        run = new ArrayList<>();
      }
      run.add(s);
    }
    parts.add(kept(run));
    return parts;
  }

  private static Part kept(List<DataSegment> segments) {
    Interval extent = umbrella(segments, null);
    long start = extent.start().toEpochMilli();
    return Granularity.STANDARD.stream()
        .filter(g -> g.bucketStart(start) == start && g.bucketEnd(start) == extent.end().toEpochMilli())
        .findFirst().map(g -> new Part(List.copyOf(segments), g, extent))
        // the hint first: a status keeps only the start of the message
        .orElseThrow(() -> new IllegalArgumentException("Set granularitySpec.segmentGranularity: the segments of ["
            + extent + "] span no standard granularity"));
  }

  private DataSchema schema(Part part) throws IOException {
    List<MetricSpec> metrics = task.metricsSpec() != null ? task.metricsSpec() : metrics(part.segments());
    DimensionsSpec dimensions = task.dimensionsSpec() != null ? task.dimensionsSpec() : dimensions(part.segments());
    CompactionGranularitySpec granularity = task.granularitySpec() != null ? task.granularitySpec()
        : new CompactionGranularitySpec(null, null, null, null);
    return new DataSchema(task.dataSource(),
        new DataSchema.TimestampSpec(DimensionsSpec.TIME_COLUMN, "millis", null, null, null), dimensions, metrics,
        granularity.forIngestion(part.granularity(), !metrics.isEmpty(), List.of(part.extent())), null, null, null);
  }

  private static List<MetricSpec> metrics(List<DataSegment> segments) throws IOException {
    Set<String> names = new TreeSet<>();
    segments.forEach(s -> names.addAll(s.metrics()));
    Set<String> floating = FloatingMetrics.of(segments, names);
    return names.stream().<MetricSpec>map(n -> new MetricSpec.OfField(floating.contains(n) ? "doubleSum" : "longSum",
        n, n, null, null)).toList();
  }

  private static DimensionsSpec dimensions(List<DataSegment> segments) {
    Set<String> names = new LinkedHashSet<>();
    segments.forEach(s -> names.addAll(s.dimensions()));
    return new DimensionsSpec(names.stream().map(n -> new DimensionsSpec.DimensionSchema(null, n, null, null, null))
        .toList(), null, null, null, null, null);
  }

  private static Interval umbrella(List<DataSegment> segments, Interval also) {
    Instant start = also != null ? also.start() : segments.get(0).interval().start();
    Instant end = also != null ? also.end() : segments.get(0).interval().end();
    for (DataSegment s : segments) {
      start = s.interval().start().isBefore(start) ? s.interval().start() : start;
      end = s.interval().end().isAfter(end) ? s.interval().end() : end;
    }
    return new Interval(start, end);
  }

  /** The context Druid's compaction reports for the ingestion it runs. */
  private ObjectNode reportedContext() {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("appenderatorTrackingTaskId", task.id());
    context.put("forceTimeChunkLock", task.context().get("forceTimeChunkLock"));
    context.putAll(task.context());
    context.putIfAbsent("storeCompactionState", true);
    context.putIfAbsent("priority", task.priority());
    return JSON.valueToTree(context);
  }
}
