package dev.druidtasks.server.ingest.segment;

import dev.druidtasks.server.ingest.segment.TimeChunk.Mode;
import dev.druidtasks.server.ingest.segment.TimeChunk.Row;
import dev.druidtasks.server.task.DataSegment;
import dev.druidtasks.server.task.ErrorMessages;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.TaskExecution;
import dev.druidtasks.server.task.TaskLockException;
import dev.druidtasks.server.task.TaskLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;

/**
 * Turns accepted rows into segment files, one bucket per segment-granularity time chunk.
 *
 * <p>Rows that need no rollup and arrive in time order within their chunk go straight to the chunk's
 * open segment file (the common case for logs; no sorting, no spilling). A chunk whose rows arrive out
 * of order, and every chunk when rolling up, keeps rows in memory; when {@code maxRowsInMemory} rows or
 * {@code maxBytesInMemory} bytes are held, every chunk's rows are sorted and spilled to a run, and at
 * the end each chunk's runs are merged (rolling up equal keys) into its segments. Either way a segment
 * file is sorted by time and holds at most {@code maxRowsPerSegment} rows. {@link #abort()} removes
 * everything written.
 */
public final class SegmentWriter {
  /** Chunks written straight to disk at once; each holds a gzip stream and buffers. */
  private static final int MAX_STREAMING_CHUNKS = 8;
  /**
   * Rows a chunk holds (at most; less when maxRowsInMemory is small) before deciding they come in time
   * order and may be streamed; this keeps a chunk of unordered rows from starting with a tiny segment.
   */
  private static final int PROBE_ROWS = 10_000;
  /** Rough heap cost of a buffered row beyond its bytes, and of a rollup group beyond key and state. */
  private static final long ROW_OVERHEAD = 48;
  private static final long GROUP_OVERHEAD = 160;
  private static final byte[] TIME_FIELD = "{\"__time\":".getBytes(StandardCharsets.US_ASCII);

  /** The metric columns as the writer sees them: state size, how two states combine, how one is written. */
  public record Metrics(List<String> names, int stateLength, BiConsumer<long[], long[]> combine,
      BiConsumer<long[], ByteSink> write) {}

  /**
   * What the writer needs to know about the run; {@code chunkStart} maps a time to its chunk's start,
   * {@code chunkEnd} a chunk's start to its end.
   */
  public record Settings(String dataSource, LongUnaryOperator chunkStart, LongUnaryOperator chunkEnd, boolean rollup,
      Metrics metrics, Function<BitSet, List<String>> dimensionNames, int maxRowsPerSegment, long maxRowsInMemory,
      long maxBytesInMemory, boolean appendToExisting) {}

  /** Thrown when the task was asked to stop while the writer was busy. */
  public static final class StoppedException extends RuntimeException {
    public StoppedException() {
      super(ErrorMessages.SHUTDOWN, null, false, false);
    }
  }

  private final Settings settings;
  private final TaskExecution execution;
  private final TaskLog log;
  private final DeepStorage storage;
  private final ExternalSort sort;
  /** By start time, so that they finish in time order. */
  private final Map<Long, TimeChunk> chunks = new TreeMap<>();
  private final RollupKey probe = new RollupKey();
  private final ByteSink rowOut = new ByteSink(1024);
  private final long probeRows;
  private TimeChunk last;
  private long rowsInMemory;
  private long bytesInMemory;
  private int streamingChunks;

  public SegmentWriter(Settings settings, TaskExecution execution) {
    this.settings = settings;
    this.execution = execution;
    this.log = execution.log();
    this.storage = new DeepStorage(execution.deepStorage(), settings.dataSource(), log);
    this.sort = new ExternalSort(execution.workDir().resolve("spill"),
        settings.rollup() ? settings.metrics().stateLength() : 0,
        settings.rollup() ? settings.metrics().combine() : null, this::checkStop, log);
    this.probeRows = Math.max(1, Math.min(PROBE_ROWS, settings.maxRowsInMemory() / 4));
  }

  /** Adds a row of a run without rollup: its dimensions part ({@code ,"name":value…}) and metrics. */
  public void addRow(long time, ByteSink dims, long[] state, BitSet discovered) throws IOException, TaskLockException {
    TimeChunk c = chunkOf(time, discovered);
    format(time, dims.array(), dims.size(), state);
    if (c.mode != Mode.SORTING && time < c.lastTime) {
      // out of order: what was streamed stays a sorted segment; the rest of the chunk gets sorted
      closeCurrent(c);
      toSorting(c);
    } else if (c.mode != Mode.SORTING) {
      c.lastTime = time;
      if (c.mode == Mode.STREAMING) {
        emit(c, rowOut.array(), rowOut.size());
        return;
      }
    }
    c.rows.add(new Row(time, rowOut.toByteArray(), null));
    rowsInMemory++;
    bytesInMemory += rowOut.size() + ROW_OVERHEAD;
    if (c.mode == Mode.PROBING && c.rows.size() >= probeRows) {
      // the chunk's rows come in time order: write what was held and stream the rest
      for (Row r : c.rows) {
        rowsInMemory--;
        bytesInMemory -= r.bytes().length + ROW_OVERHEAD;
        emit(c, r.bytes(), r.bytes().length);
      }
      c.rows.clear();
      c.mode = Mode.STREAMING;
      return;
    }
    spillIfFull();
  }

  /** Adds a row of a rollup run: its dimensions part (the key) and its aggregation state. */
  public void addRollup(long time, ByteSink key, long[] state, BitSet discovered) throws IOException, TaskLockException {
    TimeChunk c = chunkOf(time, discovered);
    long[] group = c.groups.get(probe.set(time, key.array(), key.size()));
    if (group != null) {
      settings.metrics().combine().accept(group, state);
      return;
    }
    c.groups.put(probe.copy(), state.clone());
    rowsInMemory++;
    bytesInMemory += key.size() + 8L * state.length + GROUP_OVERHEAD;
    spillIfFull();
  }

  private void toSorting(TimeChunk c) {
    if (c.mode != Mode.SORTING) {
      c.mode = Mode.SORTING;
      streamingChunks--;
      log.info("Rows of time chunk [" + c.interval + "] are not in time order; sorting them");
    }
  }

  private TimeChunk chunkOf(long time, BitSet discovered) throws TaskLockException {
    long start = settings.chunkStart().applyAsLong(time);
    TimeChunk c = last != null && last.start == start ? last : chunks.get(start);
    if (c == null) {
      Interval interval = new Interval(Instant.ofEpochMilli(start),
          Instant.ofEpochMilli(settings.chunkEnd().applyAsLong(start)));
      c = TimeChunk.locked(start, interval, execution, settings.dataSource(), settings.appendToExisting());
      if (!settings.rollup() && streamingChunks < MAX_STREAMING_CHUNKS) {
        c.mode = Mode.PROBING;
        streamingChunks++;
      }
      chunks.put(start, c);
    }
    last = c;
    if (!discovered.isEmpty()) {
      c.discovered.or(discovered);
    }
    return c;
  }

  private void spillIfFull() throws IOException {
    if (rowsInMemory >= settings.maxRowsInMemory() || bytesInMemory >= settings.maxBytesInMemory()) {
      long rows = rowsInMemory;
      int runs = 0;
      for (TimeChunk c : chunks.values()) {
        if (c.hasBuffered()) {
          spill(c);
          runs++;
        }
      }
      log.info("Persisted " + rows + " rows held in memory to " + runs + " spill file(s)");
      rowsInMemory = 0;
      bytesInMemory = 0;
    }
  }

  private void spill(TimeChunk c) throws IOException {
    c.runs.add(sort.spill(c.takeSorted()));
    if (c.mode == Mode.PROBING) {
      toSorting(c);
    }
  }

  /** Writes what is still buffered, closes every segment and answers their metadata. */
  public List<DataSegment> finish() throws IOException {
    for (TimeChunk c : chunks.values()) {
      closeCurrent(c);
      // what is still held joins the spilled runs in one merge
      try (ExternalSort.Run merged = sort.merge(c.runs, c.takeSorted())) {
        for (Row r = merged.next(); r != null; r = merged.next()) {
          if (settings.rollup()) {
            format(r.time(), r.bytes(), r.bytes().length, r.state());
            emit(c, rowOut.array(), rowOut.size());
          } else {
            emit(c, r.bytes(), r.bytes().length);
          }
        }
      }
      closeCurrent(c);
    }
    sort.removeAll();
    List<DataSegment> segments = new ArrayList<>();
    for (TimeChunk c : chunks.values()) {
      List<String> dimensions = settings.dimensionNames().apply(c.discovered);
      for (SegmentFile f : c.segments) {
        DataSegment segment = DataSegment.local(settings.dataSource(), c.interval, c.version, f.partitionNum,
            f.dir, dimensions, settings.metrics().names(), f.size(), f.rows());
        storage.writeMetadata(segment, f);
        segments.add(segment);
      }
    }
    return segments;
  }

  /** A segment row: {@code {"__time":millis} then the dimensions, then the metrics. */
  private void format(long time, byte[] dims, int dimsLen, long[] state) {
    rowOut.reset();
    rowOut.write(TIME_FIELD);
    rowOut.writeLong(time);
    rowOut.write(dims, 0, dimsLen);
    settings.metrics().write().accept(state, rowOut);
    rowOut.write('}');
  }

  private void emit(TimeChunk c, byte[] row, int len) throws IOException {
    if (c.current == null || c.current.rows() >= settings.maxRowsPerSegment()) {
      closeCurrent(c);
      int partition = settings.appendToExisting()
          ? execution.allocatePendingSegment(settings.dataSource(), c.interval, c.version)
          : c.nextPartition++;
      c.current = storage.create(c.interval, c.version, partition);
      c.segments.add(c.current);
    }
    c.current.write(row, 0, len);
  }

  private void closeCurrent(TimeChunk c) throws IOException {
    if (c.current != null) {
      c.current.close();
      log.info("Wrote segment " + DataSegment.id(settings.dataSource(), c.interval, c.version,
          c.current.partitionNum) + " with " + c.current.rows() + " rows (" + c.current.size() + " bytes)");
      c.current = null;
    }
  }

  private void checkStop() {
    if (execution.stopRequested()) {
      throw new StoppedException();
    }
  }

  /** Removes every file and directory this writer created. */
  public void abort() {
    storage.removeAll();
    sort.removeAll();
  }
}
