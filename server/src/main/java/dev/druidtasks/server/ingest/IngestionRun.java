package dev.druidtasks.server.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.ingest.IngestionReport.ParseError;
import dev.druidtasks.server.ingest.IngestionReport.RowStat;
import dev.druidtasks.server.ingest.IngestionReport.State;
import dev.druidtasks.server.ingest.IngestionSpec.InlineInput;
import dev.druidtasks.server.ingest.IngestionSpec.LocalInput;
import dev.druidtasks.server.ingest.IngestionSpec.Metric;
import dev.druidtasks.server.ingest.IngestionSpec.SegmentsInput;
import dev.druidtasks.server.ingest.read.Columns;
import dev.druidtasks.server.ingest.read.DelimitedRowReader;
import dev.druidtasks.server.ingest.read.InputFiles;
import dev.druidtasks.server.ingest.read.JsonRowReader;
import dev.druidtasks.server.ingest.read.LineSource;
import dev.druidtasks.server.ingest.read.RowReader;
import dev.druidtasks.server.ingest.read.RowValues;
import dev.druidtasks.server.ingest.read.RowTimestamp;
import dev.druidtasks.server.ingest.segment.ByteSink;
import dev.druidtasks.server.ingest.segment.SegmentWriter;
import dev.druidtasks.server.ingest.spec.Granularity;
import dev.druidtasks.server.ingest.spec.InputFormatSpec;
import dev.druidtasks.server.ingest.spec.PathConfinement;
import dev.druidtasks.server.task.ErrorMessages;
import dev.druidtasks.server.task.DataSegment;
import dev.druidtasks.server.task.Interval;
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
  private final IngestionSpec spec;
  private final PathConfinement confinement;
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

  /** {@code part} is null but for a compaction; {@code confinement} is needed for {@code local} input only. */
  IngestionRun(String taskId, IngestionSpec spec, PathConfinement confinement, TaskExecution execution,
      ObjectNode context, IngestionReport.Part part) {
    this.taskId = taskId;
    this.context = context;
    this.spec = spec;
    this.confinement = confinement;
    this.execution = execution;
    this.log = execution.log();
    this.report = new IngestionReport(spec.tuning().maxSavedParseExceptions(), part);
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
      List<InputFiles.Entity> inputs = spec.inputSource() instanceof LocalInput local
          ? InputFiles.local(local.baseDir(), local.filter(), local.files(), confinement::allows, log)
          : spec.inputSource() instanceof SegmentsInput segments ? InputFiles.segmentRows(segments.segments())
          : List.of(InputFiles.inline(((InlineInput) spec.inputSource()).data()));
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
    Set<String> inputs = new LinkedHashSet<>();
    for (Metric m : spec.metrics()) {
      if (m.fieldName() != null) {
        inputs.add(m.fieldName());
      }
    }
    if (spec.filter() != null) {
      spec.filter().collectColumns(inputs);
    }
    columns = new Columns(spec.dimensions(), spec.timestamp().column(), inputs);
    timestamps = new RowTimestamp(columns.timestampSlot(), spec.timestamp().format(),
        spec.timestamp().missingValueMillis());
    encoder = new RowEncoder(columns);
    aggregation = new Aggregation(spec.metrics(), columns);
    state = aggregation.newState();
    List<Interval> chunks = spec.granularity().chunks();
    chunkStarts = chunks.stream().mapToLong(c -> c.start().toEpochMilli()).toArray();
    chunkEnds = chunks.stream().mapToLong(c -> c.end().toEpochMilli()).toArray();
    Granularity segment = spec.granularity().segment();
    var metrics = new SegmentWriter.Metrics(spec.metrics().stream().map(Metric::name).toList(),
        aggregation.stateLength(), aggregation::combine, aggregation::writeJson);
    writer = new SegmentWriter(new SegmentWriter.Settings(spec.dataSource(), segment::bucketStart,
        segment::bucketEnd, spec.granularity().rollup(), metrics, columns::dimensionNames,
        spec.tuning().maxRowsPerSegment(), spec.tuning().maxRowsInMemory(), spec.tuning().maxBytesInMemory(),
        spec.appendToExisting()), execution);
  }

  private void read(InputFiles.Entity input) throws IOException, TaskLockException, TooManyParseErrors {
    log.info("Reading " + input.description() + " (" + input.size() + " bytes)");
    RowReader reader = spec.inputFormat() instanceof InputFormatSpec.Delimited delimited
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
      report.set(RowStat.PROCESSED_BYTES, bytesBefore
          + (spec.inputSource() instanceof SegmentsInput ? input.size() : lines.bytesRead()));
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
    if ((spec.filter() != null && !spec.filter().matches(this::filterValues)) || !inChunks(time)) {
      report.add(RowStat.THROWN_AWAY, 1);
      return;
    }
    long rowTime = spec.granularity().query().bucketStart(time);
    problems.clear();
    dims.reset();
    discovered.clear();
    encoder.encode(row, dims, discovered, problems);
    if (!aggregation.isEmpty()) {
      aggregation.reset(state);
      aggregation.add(state, row, problems);
    }
    if (spec.granularity().rollup()) {
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
    if (spec.tuning().logParseExceptions()) {
      log.warn(details);
    }
    if (spec.tuning().maxSavedParseExceptions() > 0) {
      String text = new String(buf, off, len, StandardCharsets.UTF_8);
      if (text.length() > MAX_SAVED_INPUT_CHARS) {
        text = text.substring(0, MAX_SAVED_INPUT_CHARS) + "...";
      }
      report.save(new ParseError(Timestamps.format(Instant.now()), text, type, details));
    }
    if (report.parseErrors() > spec.tuning().maxParseExceptions()) {
      throw new TooManyParseErrors("Max parse exceptions[" + spec.tuning().maxParseExceptions() + "] exceeded");
    }
  }
}
