package dev.druidtasks.server.ingest;

import dev.druidtasks.server.ingest.read.TimestampFormat;
import dev.druidtasks.server.task.Interval;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** A validated native batch ingestion spec, as the run needs it (the stored payload keeps Druid's shape). */
public record IngestionSpec(
    String dataSource,
    TimestampColumn timestamp,
    Dimensions dimensions,
    List<Metric> metrics,
    Granularities granularity,
    RowFilter filter,
    InputSource inputSource,
    InputFormat inputFormat,
    boolean appendToExisting,
    Tuning tuning) {

  public IngestionSpec {
    metrics = List.copyOf(metrics);
  }

  /** {@code timestampSpec}: the column, its format, and the time to use when a row has none (or null). */
  record TimestampColumn(String column, TimestampFormat format, Long missingValueMillis) {}

  public enum DimensionType { STRING, LONG, FLOAT, DOUBLE, AUTO }

  public enum MultiValueHandling { SORTED_ARRAY, SORTED_SET, ARRAY }

  public record Dimension(String name, DimensionType type, MultiValueHandling multiValueHandling) {}

  /**
   * {@code dimensionsSpec}: the explicit dimensions and, when {@code discover} is set, every other
   * column not in {@code exclusions} as a dimension of {@code discoveredType}.
   */
  public record Dimensions(List<Dimension> explicit, Set<String> exclusions, boolean discover, DimensionType discoveredType) {
    public Dimensions {
      explicit = List.copyOf(explicit);
      exclusions = Set.copyOf(exclusions);
    }
  }

  enum AggregatorKind {
    COUNT(false), LONG_SUM(false), LONG_MIN(false), LONG_MAX(false), DOUBLE_SUM(true), DOUBLE_MIN(true), DOUBLE_MAX(true);

    final boolean floating;

    AggregatorKind(boolean floating) {
      this.floating = floating;
    }
  }

  /** One {@code metricsSpec} entry; {@code fieldName} is null for {@code count}. */
  record Metric(AggregatorKind kind, String name, String fieldName) {}

  /**
   * {@code granularitySpec}; {@code chunks} are the intervals cut into segment-granularity buckets,
   * empty when no intervals were given.
   */
  record Granularities(Granularity segment, Granularity query, boolean rollup, List<Interval> intervals, List<Interval> chunks) {
    Granularities {
      intervals = List.copyOf(intervals);
      chunks = List.copyOf(chunks);
    }
  }

  sealed interface InputSource permits LocalInput, InlineInput {}

  /** {@code local}: files under {@code baseDir} whose names match {@code filter}, and/or listed {@code files}. */
  record LocalInput(Path baseDir, String filter, List<Path> files) implements InputSource {
    LocalInput {
      files = List.copyOf(files);
    }
  }

  /** {@code inline}: the rows are in the spec. */
  record InlineInput(String data) implements InputSource {}

  sealed interface InputFormat permits JsonFormat, DelimitedFormat {}

  record JsonFormat() implements InputFormat {}

  /** {@code csv} (quoted fields allowed) and {@code tsv} (plain split on the delimiter). */
  public record DelimitedFormat(
      boolean quoted,
      String delimiter,
      List<String> columns,
      boolean findColumnsFromHeader,
      int skipHeaderRows,
      String listDelimiter) implements InputFormat {
    public DelimitedFormat {
      columns = List.copyOf(columns);
    }
  }

  /** The {@code tuningConfig} settings the run uses. */
  record Tuning(
      int maxRowsPerSegment,
      long maxRowsInMemory,
      long maxBytesInMemory,
      long maxParseExceptions,
      int maxSavedParseExceptions,
      boolean logParseExceptions) {}
}
