package dev.druidtasks.server.ingest;

import dev.druidtasks.server.ingest.read.Dimensions;
import dev.druidtasks.server.ingest.read.Dimensions.Dimension;
import dev.druidtasks.server.ingest.read.Dimensions.DimensionType;
import dev.druidtasks.server.ingest.read.Dimensions.MultiValueHandling;
import dev.druidtasks.server.ingest.read.TimestampFormat;
import dev.druidtasks.server.ingest.spec.DataSchema;
import dev.druidtasks.server.ingest.spec.DimensionsSpec;
import dev.druidtasks.server.ingest.spec.Granularity;
import dev.druidtasks.server.ingest.spec.GranularitySpec;
import dev.druidtasks.server.ingest.spec.IndexSpec;
import dev.druidtasks.server.ingest.spec.InputFormatSpec;
import dev.druidtasks.server.ingest.spec.InputSourceSpec;
import dev.druidtasks.server.ingest.spec.MetricSpec;
import dev.druidtasks.server.ingest.spec.RowFilter;
import dev.druidtasks.server.ingest.spec.TuningConfig;
import dev.druidtasks.server.task.DataSegment;
import dev.druidtasks.server.task.InvalidField;
import dev.druidtasks.server.task.Interval;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A validated native batch ingestion spec, as the run needs it (the stored payload is {@link IndexSpec}). */
public record IngestionSpec(
    String dataSource,
    TimestampColumn timestamp,
    Dimensions dimensions,
    List<Metric> metrics,
    Granularities granularity,
    RowFilter filter,
    InputSource inputSource,
    InputFormatSpec inputFormat,
    boolean appendToExisting,
    Tuning tuning) {

  public IngestionSpec {
    metrics = List.copyOf(metrics);
  }

  /** What a run of {@code spec} needs, from its bound JSON. */
  static IngestionSpec of(IndexSpec spec) {
    return of(spec.dataSchema(), spec.tuningConfig(), input(spec.ioConfig().inputSource()),
        spec.ioConfig().inputFormat(), spec.ioConfig().appendToExisting());
  }

  /** A run of {@code schema} over {@code input}, read as {@code inputFormat}. */
  static IngestionSpec of(DataSchema schema, TuningConfig t, InputSource input, InputFormatSpec inputFormat,
      boolean append) {
    DataSchema.TimestampSpec ts = schema.timestampSpec();
    TimestampFormat format;
    try {
      format = TimestampFormat.of(ts.format());
    } catch (IllegalArgumentException e) {
      throw InvalidField.message("Field [spec.dataSchema.timestampSpec.format]: " + e.getMessage());
    }
    DimensionsSpec dims = schema.dimensionsSpec();
    List<Dimension> explicit = dims.dimensions().stream().map(d -> new Dimension(d.name(),
        d.type().equals("json") ? DimensionType.AUTO : DimensionType.valueOf(d.type().toUpperCase(Locale.ROOT)),
        MultiValueHandling.valueOf(d.multiValueHandling()))).toList();
    List<Metric> metrics = schema.metricsSpec().stream().map(m -> new Metric(kind(m), m.name(), m.fieldName())).toList();
    GranularitySpec g = schema.granularitySpec();
    long bytes = t.maxBytesInMemory() == 0 ? Runtime.getRuntime().maxMemory() / 6
        : t.maxBytesInMemory() < 0 ? Long.MAX_VALUE : t.maxBytesInMemory();
    return new IngestionSpec(schema.dataSource(), new TimestampColumn(ts.column(), format, ts.missingValueMillis()),
        new Dimensions(explicit, Set.copyOf(dims.dimensionExclusions()), dims.discovers(),
            dims.useSchemaDiscovery() ? DimensionType.AUTO : DimensionType.STRING),
        metrics, new Granularities(g.segmentGranularity(), g.queryGranularity(), g.rollup(), g.intervals(), g.chunks()),
        schema.transformSpec().filter(), input, inputFormat, append, new Tuning(t.effectiveMaxRowsPerSegment(),
            t.maxRowsInMemory(), bytes, t.maxParseExceptions(), t.maxSavedParseExceptions().intValue(), t.logParseExceptions()));
  }

  /** {@code count}, or {@code long|double|float} + {@code Sum|Min|Max} (floats are summed as doubles). */
  private static AggregatorKind kind(MetricSpec m) {
    String type = m.type();
    return type.equals("count") ? AggregatorKind.COUNT : AggregatorKind.valueOf((type.startsWith("long") ? "LONG_"
        : "DOUBLE_") + type.substring(type.length() - 3).toUpperCase(Locale.ROOT));
  }

  private static InputSource input(InputSourceSpec source) {
    return source instanceof InputSourceSpec.Local local
        ? new LocalInput(local.directory(), local.filter(), local.paths())
        : new InlineInput(((InputSourceSpec.Inline) source).data());
  }

  /** {@code timestampSpec}: the column, its format, and the time to use when a row has none (or null). */
  public record TimestampColumn(String column, TimestampFormat format, Long missingValueMillis) {}

  public enum AggregatorKind {
    COUNT(false), LONG_SUM(false), LONG_MIN(false), LONG_MAX(false), DOUBLE_SUM(true), DOUBLE_MIN(true), DOUBLE_MAX(true);

    public final boolean floating;

    AggregatorKind(boolean floating) {
      this.floating = floating;
    }
  }

  /** One {@code metricsSpec} entry; {@code fieldName} is null for {@code count}. */
  public record Metric(AggregatorKind kind, String name, String fieldName) {}

  /**
   * {@code granularitySpec}; {@code chunks} are the intervals cut into segment-granularity buckets,
   * empty when no intervals were given.
   */
  public record Granularities(Granularity segment, Granularity query, boolean rollup, List<Interval> intervals, List<Interval> chunks) {
    public Granularities {
      intervals = List.copyOf(intervals);
      chunks = List.copyOf(chunks);
    }
  }

  public sealed interface InputSource permits LocalInput, InlineInput, SegmentsInput {}

  /** {@code local}: files under {@code baseDir} whose names match {@code filter}, and/or listed {@code files}. */
  public record LocalInput(Path baseDir, String filter, List<Path> files) implements InputSource {
    public LocalInput {
      files = List.copyOf(files);
    }
  }

  /** {@code inline}: the rows are in the spec. */
  public record InlineInput(String data) implements InputSource {}

  /** The rows of published segments (compaction): their {@code rows.json.gz} files, read as JSON. */
  public record SegmentsInput(List<DataSegment> segments) implements InputSource {
    public SegmentsInput {
      segments = List.copyOf(segments);
    }
  }

  /** The {@code tuningConfig} settings the run uses. */
  public record Tuning(
      int maxRowsPerSegment,
      long maxRowsInMemory,
      long maxBytesInMemory,
      long maxParseExceptions,
      int maxSavedParseExceptions,
      boolean logParseExceptions) {}
}
