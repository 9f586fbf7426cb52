package dev.druidtasks.server.ingest;

import dev.druidtasks.server.task.Interval;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The parts of an {@code index_parallel}/{@code index} spec that drive the work, checked and resolved. */
record IngestionSpec(
    String dataSource,
    String timestampColumn,
    String timestampFormat,
    String timestampMissingValue,
    List<String> dimensions,
    Set<String> dimensionExclusions,
    boolean discoverDimensions,
    Granularity segmentGranularity,
    Granularity queryGranularity,
    List<Interval> intervals,
    List<Path> files,
    String inlineData,
    InputFormat format,
    long maxRowsPerSegment,
    long maxParseExceptions,
    int maxSavedParseExceptions,
    boolean logParseExceptions,
    boolean appendToExisting) {

  /** How input lines become rows. */
  record InputFormat(String type, List<String> columns, boolean findColumnsFromHeader, int skipHeaderRows,
      String delimiter, String listDelimiter) {}
}
