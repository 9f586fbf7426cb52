package dev.druidtasks.server.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.ingest.CompactTaskType.Compact;
import dev.druidtasks.server.ingest.IngestionSpec.JsonFormat;
import dev.druidtasks.server.ingest.IngestionSpec.SegmentsInput;
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
 * theirs, which must be one standard granularity for all of them.
 */
final class Compaction {
  static final String NO_SEGMENTS =
      "No segments found for compaction. Please check that datasource name and interval are correct.";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> STANDARD_GRANULARITIES = List.of("SECOND", "MINUTE", "FIVE_MINUTE", "TEN_MINUTE",
      "FIFTEEN_MINUTE", "THIRTY_MINUTE", "HOUR", "SIX_HOUR", "EIGHT_HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR");

  private final Compact task;
  private final TaskExecution execution;

  Compaction(Compact task, TaskExecution execution) {
    this.task = task;
    this.execution = execution;
  }

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
    IngestionSpec spec;
    try {
      spec = spec(segments, interval);
      for (Interval chunk : spec.granularity().chunks()) {
        execution.lock(chunk);
      }
    } catch (InvalidField e) {
      return failure(e.at(""));
    } catch (IllegalArgumentException | IOException | TaskLockException e) {
      return failure(e.getMessage());
    }
    return new IngestionRun(task.id(), spec, null, execution, reportedContext()).run();
  }

  private TaskResult failure(String message) {
    execution.log().error("Compaction failed: " + message);
    return TaskResult.failure(message);
  }

  private IngestionSpec spec(List<DataSegment> segments, Interval interval) throws IOException {
    List<MetricSpec> metrics = task.metricsSpec() != null ? task.metricsSpec() : metrics(segments);
    DimensionsSpec dimensions = task.dimensionsSpec() != null ? task.dimensionsSpec() : dimensions(segments);
    CompactionGranularitySpec granularity = task.granularitySpec() != null ? task.granularitySpec()
        : new CompactionGranularitySpec(null, null, null, null);
    Granularity segment = granularity.segmentGranularity() != null ? granularity.segmentGranularity()
        : keptGranularity(segments);
    Interval extent = granularity.segmentGranularity() != null ? umbrella(segments, interval) : umbrella(segments, null);
    DataSchema schema = new DataSchema(task.dataSource(),
        new DataSchema.TimestampSpec(DimensionsSpec.TIME_COLUMN, "millis", null, null, null), dimensions, metrics,
        granularity.forIngestion(segment, !metrics.isEmpty(), List.of(extent)), null, null, null);
    TuningConfig tuning = task.tuningConfig() != null ? task.tuningConfig() : TuningConfig.defaults();
    return IngestionSpec.of(schema, tuning, new SegmentsInput(segments), new JsonFormat(), false);
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

  /** The standard granularity every group of overlapping segments spans exactly one bucket of. */
  private static Granularity keptGranularity(List<DataSegment> segments) {
    Set<String> found = new TreeSet<>();
    Granularity kept = null;
    long start = 0;
    long end = Long.MIN_VALUE;
    for (int i = 0; i <= segments.size(); i++) {
      Interval next = i < segments.size() ? segments.get(i).interval() : null;
      if (next != null && next.start().toEpochMilli() < end) {
        end = Math.max(end, next.end().toEpochMilli());
        continue;
      }
      if (end != Long.MIN_VALUE) {
        Granularity g = spanned(start, end);
        found.add(g == null ? new Interval(Instant.ofEpochMilli(start), Instant.ofEpochMilli(end)).toString()
            : g.json().toString());
        kept = g;
      }
      if (next != null) {
        start = next.start().toEpochMilli();
        end = next.end().toEpochMilli();
      }
    }
    if (found.size() != 1 || kept == null) {
      throw new IllegalArgumentException("The segments to compact do not share one standard segment granularity "
          + found + ": set granularitySpec.segmentGranularity");
    }
    return kept;
  }

  private static Granularity spanned(long start, long end) {
    for (String name : STANDARD_GRANULARITIES) {
      Granularity g = Granularity.byName(name);
      if (g.bucketStart(start) == start && g.bucketEnd(start) == end) {
        return g;
      }
    }
    return null;
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
