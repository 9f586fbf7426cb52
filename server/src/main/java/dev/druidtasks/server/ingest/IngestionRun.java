package dev.druidtasks.server.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.ingest.IngestionReport.ParseError;
import dev.druidtasks.server.ingest.IngestionReport.RowStat;
import dev.druidtasks.server.ingest.IngestionReport.State;
import dev.druidtasks.server.ingest.read.Columns;
import dev.druidtasks.server.ingest.read.DelimitedRowReader;
import dev.druidtasks.server.ingest.read.Dimensions;
import dev.druidtasks.server.ingest.read.InputFiles;
import dev.druidtasks.server.ingest.read.JsonRowReader;
import dev.druidtasks.server.ingest.read.LineSource;
import dev.druidtasks.server.ingest.read.RowReader;
import dev.druidtasks.server.ingest.read.RowValues;
import dev.druidtasks.server.ingest.read.RowTimestamp;
import dev.druidtasks.server.ingest.read.TimestampFormat;
import dev.druidtasks.server.ingest.segment.ByteSink;
import dev.druidtasks.server.ingest.segment.SegmentWriter;
import dev.druidtasks.server.ingest.spec.DataSchema;
import dev.druidtasks.server.ingest.spec.Granularity;
import dev.druidtasks.server.ingest.spec.GranularitySpec;
import dev.druidtasks.server.ingest.spec.InputFormatSpec;
import dev.druidtasks.server.ingest.spec.InputSourceSpec;
import dev.druidtasks.server.ingest.spec.IoConfig;
import dev.druidtasks.server.ingest.spec.MetricSpec;
import dev.druidtasks.server.ingest.spec.RowFilter;
import dev.druidtasks.server.ingest.spec.TuningConfig;
import dev.druidtasks.server.task.ErrorMessages;
import dev.druidtasks.server.task.DataSegment;
import dev.druidtasks.server.task.InvalidField;
import dev.druidtasks.server.task.TaskExecution;
import dev.druidtasks.server.task.TaskLockException;
import dev.druidtasks.server.task.TaskLog;
import dev.druidtasks.server.task.TaskResult;
import dev.druidtasks.server.task.Timestamps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One execution of a native batch ingestion task: reads every input line, keeps the rows that parse,
 * pass the filter and fall in the intervals, and hands them to a {@link SegmentWriter}. Counts what
 * happened in an {@link IngestionReport} written live (about once a second) and at the end.
 */
final class IngestionRun {
  private static final long REPORT_EVERY_NANOS = 1_000_000_000L;
  private static final long LOG_EVERY_LINES = 250_000;
  private static final int MAX_SAVED_INPUT_CHARS = 10_000;
  private static final int LINE_BUFFER_BYTES = 1 << 20;

  private final String taskId;
  private final DataSchema schema;
  private final TuningConfig tuning;
  /** Null for a compaction, which reads the rows of its part's segments. */
  private final IoConfig io;
  private final IngestionReport.Part part;
  private final TaskExecution execution;
  private final TaskLog log;
  private final IngestionReport report;
  /** The task's context, which Druid reports back as a {@code taskContext} entry. */
  private final ObjectNode context;

  private final JsonFactory jsonFactory = new JsonFactory();
  private final RowValues row = new RowValues();
  private final ByteSink dims = new ByteSink(1024);
  private final BitSet discovered = new BitSet();
  private final List<String> problems = new ArrayList<>();
  private final RowFilter filter;
  private final Granularity queryGranularity;
  private final boolean rollup;
  private long[] chunkStarts;
  private long[] chunkEnds;
  private int lastChunk;
  private long currentTime;
  private long linesRead;
  private long lastLoggedLines;
  private long lastReportNanos;

  private Columns columns;
  private RowTimestamp timestamps;
  private RowEncoder encoder;
  private Aggregation aggregation;
  private long[] state;
  private SegmentWriter writer;
  private ObjectNode reports;

  /** A compaction's run has a {@code part} and no {@code io}; any other the reverse. */
  IngestionRun(String taskId, DataSchema schema, TuningConfig tuning, IoConfig io, TaskExecution execution,
      ObjectNode context, IngestionReport.Part part) {
    this.taskId = taskId;
    this.context = context;
    this.schema = schema;
    this.tuning = tuning;
    this.io = io;
    this.part = part;
    this.execution = execution;
    this.log = execution.log();
    this.report = new IngestionReport(tuning.maxSavedParseExceptions().intValue(), part);
    this.filter = schema.transformSpec().filter();
    this.queryGranularity = schema.granularitySpec().queryGranularity();
    this.rollup = schema.granularitySpec().rollup();
  }

  /** The rows' time format; checked when the task is submitted, so a run always has one. */
  static TimestampFormat timestampFormat(DataSchema schema) {
    try {
      return TimestampFormat.of(schema.timestampSpec().format());
    } catch (IllegalArgumentException e) {
      throw InvalidField.message("Field [spec.dataSchema.timestampSpec.format]: " + e.getMessage());
    }
  }

  /** A parse error beyond {@code maxParseExceptions}. */
  private static final class TooManyParseErrors extends Exception {
    TooManyParseErrors(String message) {
      super(message, null, false, false);
    }
  }

  TaskResult run() {
    long started = System.nanoTime();
    writeReport();
    try {
      List<InputFiles.Entity> inputs = part != null ? InputFiles.segmentRows(part.segments())
          : io.inputSource() instanceof InputSourceSpec.Local local
          ? InputFiles.local(local.directory(), local.fileNames(), local.paths(), local.confinement()::allows, log)
          : List.of(InputFiles.inline(((InputSourceSpec.Inline) io.inputSource()).data()));
      logInputs(inputs);
      report.state = State.BUILD_SEGMENTS;
      writeReport();
      prepare();
      for (InputFiles.Entity input : inputs) {
        read(input);
      }
      List<DataSegment> segments = writer.finish();
      report.segmentsPublished = segments.size();
      report.state = State.COMPLETED;
      writeReport();
      double seconds = (System.nanoTime() - started) / 1e9;
      log.info(String.format(Locale.ROOT, "Ingestion done in %.1f s: %s (%.1f MB/s); %d segment(s)", seconds,
          report.describeCounts(), report.get(RowStat.PROCESSED_BYTES) / 1e6 / Math.max(seconds, 1e-9),
          segments.size()));
      return TaskResult.success(segments);
    } catch (SegmentWriter.StoppedException e) {
      return fail(ErrorMessages.SHUTDOWN);
    } catch (TooManyParseErrors e) {
      return fail(e.getMessage());
    } catch (TaskLockException e) {
      // a stop while waiting for a lock shows as a failed lock
      return fail(execution.stopRequested() ? ErrorMessages.SHUTDOWN : e.getMessage());
    } catch (IOException | RuntimeException e) {
      log.error("Ingestion failed: " + e);
      return fail(e.getMessage() == null ? e.toString() : e.getMessage());
    } catch (Error e) {
      abortWriter();
      throw e;
    }
  }

  /** The report map as last written. */
  ObjectNode reports() {
    return reports;
  }

  private TaskResult fail(String message) {
    abortWriter();
    report.errorMsg = message;
    writeReport();
    String counts = " (" + report.describeCounts() + ")";
    if (message.equals(ErrorMessages.SHUTDOWN)) {
      log.info("Stopped: " + message + counts);
    } else {
      log.error("Task failed: " + message + counts);
    }
    return TaskResult.failure(message);
  }

  private void abortWriter() {
    if (writer != null) {
      writer.abort();
      log.info("Removed the segment files written by this run");
    }
  }

  private void writeReport() {
    reports = report.toReports(taskId, context);
    execution.writeReports(reports);
    lastReportNanos = System.nanoTime();
  }

  private void logInputs(List<InputFiles.Entity> inputs) {
    if (inputs.isEmpty()) {
      log.warn("No input files found; nothing to ingest");
      return;
    }
    String names = inputs.stream().limit(10).map(InputFiles.Entity::description).collect(Collectors.joining(", "));
    log.info("Found " + inputs.size() + " input(s): " + names + (inputs.size() > 10 ? ", …" : ""));
  }

  private void prepare() {
    Set<String> read = schema.metricsSpec().stream().map(MetricSpec::fieldName).filter(Objects::nonNull)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    if (filter != null) {
      filter.collectColumns(read);
    }
    DataSchema.TimestampSpec ts = schema.timestampSpec();
    columns = new Columns(Dimensions.of(schema.dimensionsSpec()), ts.column(), read);
    timestamps = new RowTimestamp(columns.timestampSlot(), timestampFormat(schema), ts.missingValueMillis());
    encoder = new RowEncoder(columns);
    aggregation = new Aggregation(schema.metricsSpec(), columns);
    state = aggregation.newState();
    GranularitySpec granularity = schema.granularitySpec();
    chunkStarts = granularity.chunks().stream().mapToLong(c -> c.start().toEpochMilli()).toArray();
    chunkEnds = granularity.chunks().stream().mapToLong(c -> c.end().toEpochMilli()).toArray();
    Granularity segment = granularity.segmentGranularity();
    var metrics = new SegmentWriter.Metrics(schema.metricsSpec().stream().map(MetricSpec::name).toList(),
        aggregation.stateLength(), aggregation::combine, aggregation::writeJson);
    writer = new SegmentWriter(new SegmentWriter.Settings(schema.dataSource(), segment::bucketStart,
        segment::bucketEnd, rollup, metrics, columns::dimensionNames, tuning.effectiveMaxRowsPerSegment(),
        tuning.maxRowsInMemory(), tuning.effectiveMaxBytesInMemory(), io != null && io.appendToExisting()), execution);
  }

  private void read(InputFiles.Entity input) throws IOException, TaskLockException, TooManyParseErrors {
    log.info("Reading " + input.description() + " (" + input.size() + " bytes)");
    // a compaction reads its segments' rows, which are JSON lines
    RowReader reader = io != null && io.inputFormat() instanceof InputFormatSpec.Delimited delimited
        ? new DelimitedRowReader(delimited, columns)
        : new JsonRowReader(jsonFactory, columns);
    long bytesBefore = report.get(RowStat.PROCESSED_BYTES);
    long lineNumber = 0;
    long recordNumber = 0;
    try (LineSource lines = new LineSource(input.open(), LINE_BUFFER_BYTES)) {
      while (lines.next()) {
        lineNumber++;
        if ((++linesRead & 1023) == 0) {
          report.set(RowStat.PROCESSED_BYTES, bytesBefore + lines.bytesRead());
          tick();
        }
        byte[] buf = lines.buffer();
        int off = lines.start();
        int len = lines.length();
        boolean isRow;
        try {
          isRow = reader.read(buf, off, len, row);
        } catch (RowReader.UnparseableRowException e) {
          recordNumber++;
          parseError(RowStat.UNPARSEABLE, buf, off, len, e.getMessage(), input, recordNumber, lineNumber);
          continue;
        }
        if (isRow) {
          recordNumber++;
          accept(buf, off, len, input, recordNumber, lineNumber);
        }
      }
      // Druid counts a compacted segment's bytes as stored
      report.set(RowStat.PROCESSED_BYTES, bytesBefore + (part != null ? input.size() : lines.bytesRead()));
    }
  }

  private void tick() {
    if (execution.stopRequested()) {
      log.info("Stop requested after " + linesRead + " lines");
      throw new SegmentWriter.StoppedException();
    }
    if (System.nanoTime() - lastReportNanos >= REPORT_EVERY_NANOS) {
      writeReport();
    }
    if (linesRead - lastLoggedLines >= LOG_EVERY_LINES) {
      lastLoggedLines = linesRead;
      log.info("Read " + linesRead + " lines so far: " + report.describeCounts());
    }
  }

  private void accept(byte[] buf, int off, int len, InputFiles.Entity input, long recordNumber, long lineNumber)
      throws IOException, TaskLockException, TooManyParseErrors {
    long time;
    try {
      time = timestamps.millis(row);
    } catch (IllegalArgumentException | ArithmeticException e) {
      parseError(RowStat.UNPARSEABLE, buf, off, len,
          "Timestamp[" + row.asString(columns.timestampSlot()) + "] is unparseable!", input, recordNumber, lineNumber);
      return;
    }
    currentTime = time;
    if ((filter != null && !filter.matches(this::filterValues)) || !inChunks(time)) {
      report.add(RowStat.THROWN_AWAY, 1);
      return;
    }
    long rowTime = queryGranularity.bucketStart(time);
    problems.clear();
    dims.reset();
    discovered.clear();
    encoder.encode(row, dims, discovered, problems);
    if (!aggregation.isEmpty()) {
      aggregation.reset(state);
      aggregation.add(state, row, problems);
    }
    if (rollup) {
      writer.addRollup(rowTime, dims, state, discovered);
    } else {
      writer.addRow(rowTime, dims, state, discovered);
    }
    if (problems.isEmpty()) {
      report.add(RowStat.PROCESSED, 1);
    } else {
      parseError(RowStat.PROCESSED_WITH_ERROR, buf, off, len,
          "Found unparseable columns in row, exceptions: " + problems, input, recordNumber, lineNumber);
    }
  }

  private List<String> filterValues(String column) {
    if (column.equals("__time")) {
      return List.of(Long.toString(currentTime));
    }
    int slot = columns.knownSlot(column);
    return slot < 0 ? List.of() : row.asList(slot);
  }

  /** Druid keeps a row when its segment-granularity bucket is one of the intervals' buckets. */
  private boolean inChunks(long t) {
    if (chunkStarts.length == 0 || (t >= chunkStarts[lastChunk] && t < chunkEnds[lastChunk])) {
      return true;
    }
    int i = Arrays.binarySearch(chunkStarts, t);
    int at = i >= 0 ? i : -i - 2;
    boolean in = at >= 0 && t < chunkEnds[at];
    lastChunk = in ? at : lastChunk;
    return in;
  }

  private void parseError(RowStat type, byte[] buf, int off, int len, String reason, InputFiles.Entity input,
      long recordNumber, long lineNumber) throws TooManyParseErrors {
    report.add(type, 1);
    String details = reason + " (Path: " + input.description() + ", Record: " + recordNumber + ", Line: "
        + lineNumber + ")";
    if (tuning.logParseExceptions()) {
      log.warn(details);
    }
    if (tuning.maxSavedParseExceptions() > 0) {
      String text = new String(buf, off, len, StandardCharsets.UTF_8);
      if (text.length() > MAX_SAVED_INPUT_CHARS) {
        text = text.substring(0, MAX_SAVED_INPUT_CHARS) + "...";
      }
      report.save(new ParseError(Timestamps.format(Instant.now()), text, type, details));
    }
    if (report.parseErrors() > tuning.maxParseExceptions()) {
      throw new TooManyParseErrors("Max parse exceptions[" + tuning.maxParseExceptions() + "] exceeded");
    }
  }
}
