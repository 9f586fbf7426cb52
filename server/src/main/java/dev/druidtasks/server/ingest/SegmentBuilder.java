package dev.druidtasks.server.ingest;

import dev.druidtasks.server.ingest.spec.Granularity;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.task.ErrorMessages;
import dev.druidtasks.server.task.DataSegment;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.TaskExecution;
import dev.druidtasks.server.task.TaskLockException;
import dev.druidtasks.server.task.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Turns accepted rows into segment files, one bucket per segment-granularity time chunk.
 *
 * <p>Rows that need no rollup and arrive in time order within their chunk go straight to the chunk's
 * open segment file (the common case for logs; no sorting, no spilling). A chunk whose rows arrive out
 * of order, and every chunk when rolling up, keeps rows in memory; when {@code maxRowsInMemory} rows or
 * {@code maxBytesInMemory} bytes are held, every chunk's rows are sorted and spilled to a run file in the
 * task's work directory, and at the end each chunk's runs are merged (rolling up equal keys) into its
 * segments. Either way a segment file is sorted by time and holds at most {@code maxRowsPerSegment}
 * rows. {@link #abort()} removes everything written.
 */
final class SegmentBuilder {
  /** Chunks written straight to disk at once; each holds a gzip stream and buffers. */
  private static final int MAX_STREAMING_CHUNKS = 8;
  /**
   * Rows a chunk holds (at most; less when maxRowsInMemory is small) before deciding they come in time
   * order and may be streamed; this keeps a chunk of unordered rows from starting with a tiny segment.
   */
  private static final int PROBE_ROWS = 10_000;
  private static final int MAX_MERGE_FAN_IN = 64;
  /** Rough heap cost of a buffered row beyond its bytes, and of a rollup group beyond key and state. */
  private static final long ROW_OVERHEAD = 48;
  private static final long GROUP_OVERHEAD = 160;
  private static final long[] NO_STATE = new long[0];
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** What the builder needs to know about the run. */
  record Settings(
      String dataSource,
      Granularity segmentGranularity,
      boolean rollup,
      Aggregation aggregation,
      List<String> metricNames,
      Function<BitSet, List<String>> dimensionNames,
      int maxRowsPerSegment,
      long maxRowsInMemory,
      long maxBytesInMemory,
      boolean appendToExisting) {}

  /** Thrown when the task was asked to stop while the builder was busy. */
  static final class StoppedException extends RuntimeException {
    StoppedException() {
      super(ErrorMessages.SHUTDOWN, null, false, false);
    }
  }

  private final Settings settings;
  private final TaskExecution execution;
  private final BooleanSupplier stopRequested;
  private final Path deepStorage;
  private final Map<Long, Bucket> buckets = new HashMap<>();
  private final List<SegmentFile> files = new ArrayList<>();
  private final List<Path> createdDirs = new ArrayList<>();
  private final List<Path> spillFiles = new ArrayList<>();
  private final RollupKey probe = new RollupKey();
  private final ByteSink rowOut = new ByteSink(1024);
  private final int stateLength;
  private final long probeRows;
  private Bucket last;
  private long rowsInMemory;
  private long bytesInMemory;
  private int streamingChunks;
  private int spills;

  SegmentBuilder(Settings settings, TaskExecution execution, BooleanSupplier stopRequested) {
    this.settings = settings;
    this.execution = execution;
    this.stopRequested = stopRequested;
    this.deepStorage = execution.deepStorage().toAbsolutePath().normalize();
    this.stateLength = settings.rollup() ? settings.aggregation().stateLength() : 0;
    this.probeRows = Math.max(1, Math.min(PROBE_ROWS, settings.maxRowsInMemory() / 4));
  }

  /** How a chunk's rows (without rollup) are handled. */
  private enum Mode {
    /** Held in memory while they come in time order, up to {@link #probeRows}. */
    PROBING,
    /** Written straight to the segment file. */
    STREAMING,
    /** Held, sorted and spilled; merged at the end. */
    SORTING
  }

  private final class Bucket {
    final long start;
    final Interval chunk;
    final String version;
    final BitSet discovered = new BitSet();
    final List<SegmentFile> segments = new ArrayList<>();
    final List<Path> runs = new ArrayList<>();
    Mode mode = Mode.SORTING;
    long lastTime = Long.MIN_VALUE;
    long bufferedBytes;
    SegmentFile current;
    int nextPartition;
    long[] times = new long[0];
    byte[][] rows = new byte[0][];
    int count;
    final HashMap<RollupKey, long[]> groups = new HashMap<>();

    Bucket(long start, Interval chunk, String version) {
      this.start = start;
      this.chunk = chunk;
      this.version = version;
    }

    boolean hasBuffered() {
      return count > 0 || !groups.isEmpty();
    }
  }

  /** Adds a row ({@code {"__time":…}} JSON) of a run without rollup. */
  void addRow(long time, ByteSink row, BitSet discovered) throws IOException, TaskLockException {
    Bucket b = bucketFor(time);
    if (!discovered.isEmpty()) {
      b.discovered.or(discovered);
    }
    if (b.mode == Mode.STREAMING) {
      if (time >= b.lastTime) {
        b.lastTime = time;
        emit(b, row.array(), 0, row.size());
        return;
      }
      // out of order: what was written stays a sorted segment; the rest of the chunk gets sorted
      closeCurrent(b);
      toSorting(b);
    } else if (b.mode == Mode.PROBING) {
      if (time < b.lastTime) {
        toSorting(b);
      }
      b.lastTime = time;
    }
    if (b.count == b.times.length) {
      int n = Math.max(1024, b.count * 2);
      b.times = Arrays.copyOf(b.times, n);
      b.rows = Arrays.copyOf(b.rows, n);
    }
    b.times[b.count] = time;
    b.rows[b.count] = row.toByteArray();
    b.count++;
    long bytes = row.size() + ROW_OVERHEAD;
    b.bufferedBytes += bytes;
    rowsInMemory++;
    bytesInMemory += bytes;
    if (b.mode == Mode.PROBING && b.count >= probeRows) {
      // the chunk's rows come in time order: write what was held and stream the rest
      for (int i = 0; i < b.count; i++) {
        emit(b, b.rows[i], 0, b.rows[i].length);
      }
      releaseBuffer(b);
      b.mode = Mode.STREAMING;
      return;
    }
    spillIfFull();
  }

  private void toSorting(Bucket b) {
    if (b.mode != Mode.SORTING) {
      b.mode = Mode.SORTING;
      streamingChunks--;
      execution.log().info("Rows of time chunk [" + b.chunk + "] are not in time order; sorting them");
    }
  }

  private void releaseBuffer(Bucket b) {
    rowsInMemory -= b.count;
    bytesInMemory -= b.bufferedBytes;
    b.times = new long[0];
    b.rows = new byte[0][];
    b.count = 0;
    b.bufferedBytes = 0;
  }

  /** Adds a row of a rollup run: its dimensions part (the key) and its aggregation state. */
  void addRollup(long time, ByteSink key, long[] state, BitSet discovered) throws IOException, TaskLockException {
    Bucket b = bucketFor(time);
    if (!discovered.isEmpty()) {
      b.discovered.or(discovered);
    }
    long[] group = b.groups.get(probe.set(time, key.array(), key.size()));
    if (group != null) {
      settings.aggregation().combine(group, state);
      return;
    }
    b.groups.put(probe.copy(), state.clone());
    rowsInMemory++;
    bytesInMemory += key.size() + 8L * state.length + GROUP_OVERHEAD;
    spillIfFull();
  }

  private Bucket bucketFor(long time) throws TaskLockException {
    long start = settings.segmentGranularity().bucketStart(time);
    if (last != null && last.start == start) {
      return last;
    }
    Bucket b = buckets.get(start);
    if (b == null) {
      Interval chunk = new Interval(Instant.ofEpochMilli(start),
          Instant.ofEpochMilli(settings.segmentGranularity().bucketEnd(start)));
      b = new Bucket(start, chunk, versionOf(chunk));
      if (!settings.rollup() && streamingChunks < MAX_STREAMING_CHUNKS) {
        b.mode = Mode.PROBING;
        streamingChunks++;
      }
      buckets.put(start, b);
    }
    last = b;
    return b;
  }

  /**
   * The lock's version; when appending, the version of the chunk's existing segments so the new ones
   * join them as extra partitions.
   */
  private String versionOf(Interval chunk) throws TaskLockException {
    String lockVersion = execution.lock(chunk);
    String version = lockVersion;
    if (settings.appendToExisting()) {
      String existing = null;
      for (DataSegment s : execution.usedSegments(settings.dataSource(), chunk)) {
        if (!s.interval().equals(chunk)) {
          throw new TaskLockException("Cannot append to time chunk [" + chunk + "]: existing segment ["
              + s.id() + "] covers [" + s.interval() + "], which does not match the segment granularity");
        }
        if (existing == null || s.version().compareTo(existing) > 0) {
          existing = s.version();
        }
      }
      if (existing != null) {
        version = existing;
      }
    }
    execution.log().info("Time chunk [" + chunk + "]: writing segments of version [" + version + "]");
    return version;
  }

  private void spillIfFull() throws IOException {
    if (rowsInMemory >= settings.maxRowsInMemory() || bytesInMemory >= settings.maxBytesInMemory()) {
      long rows = rowsInMemory;
      int runs = 0;
      for (Bucket b : buckets.values()) {
        if (b.hasBuffered()) {
          spill(b);
          runs++;
        }
      }
      execution.log().info("Persisted " + rows + " rows held in memory to " + runs + " spill file(s)");
      rowsInMemory = 0;
      bytesInMemory = 0;
    }
  }

  private void spill(Bucket b) throws IOException {
    Path dir = execution.workDir().resolve("spill");
    Files.createDirectories(dir);
    Path file = dir.resolve("run-" + (spills++) + ".bin");
    spillFiles.add(file);
    try (SpillRun.Writer w = new SpillRun.Writer(file, stateLength)) {
      if (settings.rollup()) {
        for (Map.Entry<RollupKey, long[]> e : sortedGroups(b)) {
          w.write(e.getKey().time, e.getKey().bytes, 0, e.getKey().len, e.getValue());
        }
        b.groups.clear();
      } else {
        for (int i : sortedByTime(b.times, b.count)) {
          w.write(b.times[i], b.rows[i], 0, b.rows[i].length, NO_STATE);
        }
        b.times = new long[0];
        b.rows = new byte[0][];
        b.count = 0;
        b.bufferedBytes = 0;
      }
    }
    if (b.mode == Mode.PROBING) {
      toSorting(b);
    }
    b.runs.add(file);
  }

  private static List<Map.Entry<RollupKey, long[]>> sortedGroups(Bucket b) {
    List<Map.Entry<RollupKey, long[]>> list = new ArrayList<>(b.groups.entrySet());
    list.sort(Map.Entry.comparingByKey());
    return list;
  }

  /** Indexes of {@code times[0..n)} in time order, equal times kept in arrival order. */
  static int[] sortedByTime(long[] times, int n) {
    int[] idx = new int[n];
    int[] aux = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          aux[k++] = times[idx[j]] < times[idx[i]] ? idx[j++] : idx[i++];
        }
        while (i < mid) {
          aux[k++] = idx[i++];
        }
        while (j < hi) {
          aux[k++] = idx[j++];
        }
      }
      int[] t = idx;
      idx = aux;
      aux = t;
    }
    return idx;
  }

  private void emit(Bucket b, byte[] row, int off, int len) throws IOException {
    if (b.current == null || b.current.rows() >= settings.maxRowsPerSegment()) {
      closeCurrent(b);
      b.current = openSegment(b);
    }
    b.current.write(row, off, len);
  }

  private void emitGroup(Bucket b, long time, byte[] key, int keyLen, long[] state) throws IOException {
    rowOut.reset();
    rowOut.writeAscii("{\"__time\":");
    rowOut.writeLong(time);
    rowOut.write(key, 0, keyLen);
    settings.aggregation().writeJson(state, rowOut);
    rowOut.write('}');
    emit(b, rowOut.array(), 0, rowOut.size());
  }

  private void closeCurrent(Bucket b) throws IOException {
    if (b.current != null) {
      b.current.close();
      execution.log().info("Wrote segment " + describe(b, b.current) + " with " + b.current.rows() + " rows ("
          + b.current.size() + " bytes)");
      b.current = null;
    }
  }

  private String describe(Bucket b, SegmentFile f) {
    return settings.dataSource() + "_" + b.chunk.toString().replace('/', '_') + "_" + b.version
        + (f.partitionNum() == 0 ? "" : "_" + f.partitionNum());
  }

  private SegmentFile openSegment(Bucket b) throws IOException {
    int partition = settings.appendToExisting()
        ? execution.allocatePendingSegment(settings.dataSource(), b.chunk, b.version)
        : b.nextPartition++;
    List<String> parts = List.of(pathPart(settings.dataSource()),
        pathPart(Timestamps.format(b.chunk.start()) + "_" + Timestamps.format(b.chunk.end())),
        pathPart(b.version), Integer.toString(partition));
    Path dir = createDirectories(parts);
    try (Stream<Path> existing = Files.list(dir)) {
      if (existing.findAny().isPresent()) {
        throw new IOException("Segment directory [" + dir + "] already holds files");
      }
    }
    SegmentFile f = new SegmentFile(dir, partition);
    files.add(f);
    b.segments.add(f);
    return f;
  }

  /**
   * Creates the levels below deep storage, remembering the ones this run created. Other tasks of the
   * same data source may create or remove the upper levels at the same time, hence the retries.
   */
  private Path createDirectories(List<String> parts) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Path dir = deepStorage;
      try {
        for (String part : parts) {
          dir = dir.resolve(part);
          if (!Files.isDirectory(dir)) {
            try {
              Files.createDirectory(dir);
              createdDirs.add(dir);
            } catch (FileAlreadyExistsException e) {
              // made by another task just now
            }
          }
        }
        return dir;
      } catch (NoSuchFileException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /** A name usable as one directory level: no separators, no {@code :}, never {@code .} or {@code ..}. */
  static String pathPart(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(c == '/' || c == '\\' || c == ':' || c < 0x20 || c == 0x7f ? '_' : c);
    }
    String r = out.toString();
    return r.isEmpty() || r.equals(".") || r.equals("..") ? "_" + r : r;
  }

  /** Writes what is still buffered, closes every segment and answers their metadata. */
  List<DataSegment> finish() throws IOException {
    List<Bucket> ordered = new ArrayList<>(buckets.values());
    ordered.sort(Comparator.comparingLong(b -> b.start));
    for (Bucket b : ordered) {
      closeCurrent(b);
      if (!b.runs.isEmpty()) {
        if (b.hasBuffered()) {
          spill(b);
        }
        mergeRuns(b);
      } else if (settings.rollup()) {
        for (Map.Entry<RollupKey, long[]> e : sortedGroups(b)) {
          checkStop();
          emitGroup(b, e.getKey().time, e.getKey().bytes, e.getKey().len, e.getValue());
        }
        b.groups.clear();
      } else {
        for (int i : sortedByTime(b.times, b.count)) {
          emit(b, b.rows[i], 0, b.rows[i].length);
        }
        b.rows = new byte[0][];
        b.count = 0;
      }
      closeCurrent(b);
    }
    deleteSpillFiles();
    List<DataSegment> segments = new ArrayList<>();
    for (Bucket b : ordered) {
      List<String> dimensions = settings.dimensionNames().apply(b.discovered);
      for (SegmentFile f : b.segments) {
        DataSegment segment = new DataSegment(settings.dataSource(), b.chunk, b.version, f.partitionNum(),
            JsonNodeFactory.instance.objectNode().put("type", "local").put("path", f.dir().toString()),
            JsonNodeFactory.instance.objectNode().put("type", "numbered").put("partitionNum", f.partitionNum())
                .put("partitions", 0),
            dimensions, settings.metricNames(), f.size(), f.rows());
        writeMeta(segment, f.dir().resolve(SegmentFile.META_FILE));
        segments.add(segment);
      }
    }
    return segments;
  }

  private void mergeRuns(Bucket b) throws IOException {
    List<Path> runs = new ArrayList<>(b.runs);
    while (runs.size() > MAX_MERGE_FAN_IN) {
      List<Path> group = new ArrayList<>(runs.subList(0, MAX_MERGE_FAN_IN));
      runs.subList(0, MAX_MERGE_FAN_IN).clear();
      Path merged = execution.workDir().resolve("spill").resolve("run-" + (spills++) + ".bin");
      spillFiles.add(merged);
      try (SpillRun.Writer w = new SpillRun.Writer(merged, stateLength)) {
        merge(group, w::write);
      }
      group.forEach(SegmentBuilder::deleteQuietly);
      runs.add(0, merged);
    }
    if (settings.rollup()) {
      merge(runs, (time, bytes, off, len, state) -> emitGroup(b, time, bytes, len, state));
    } else {
      merge(runs, (time, bytes, off, len, state) -> emit(b, bytes, off, len));
    }
    runs.forEach(SegmentBuilder::deleteQuietly);
  }

  private interface RecordSink {
    void accept(long time, byte[] bytes, int off, int len, long[] state) throws IOException;
  }

  /** K-way merge of sorted runs; with rollup, records with the same time and key are combined. */
  private void merge(List<Path> runs, RecordSink sink) throws IOException {
    boolean rollup = settings.rollup();
    PriorityQueue<SpillRun.Reader> queue = new PriorityQueue<>(SpillRun.Reader::compareTo);
    List<SpillRun.Reader> readers = new ArrayList<>();
    try {
      for (int i = 0; i < runs.size(); i++) {
        SpillRun.Reader r = new SpillRun.Reader(runs.get(i), stateLength, i, rollup);
        readers.add(r);
        if (r.next()) {
          queue.add(r);
        }
      }
      ByteSink key = new ByteSink(256);
      long[] state = new long[stateLength];
      long time = 0;
      boolean pending = false;
      long n = 0;
      while (!queue.isEmpty()) {
        if ((++n & 8191) == 0) {
          checkStop();
        }
        SpillRun.Reader r = queue.poll();
        if (!rollup) {
          sink.accept(r.time, r.bytes, 0, r.len, NO_STATE);
        } else if (pending && r.time == time && Arrays.equals(key.array(), 0, key.size(), r.bytes, 0, r.len)) {
          settings.aggregation().combine(state, r.state);
        } else {
          if (pending) {
            sink.accept(time, key.array(), 0, key.size(), state);
          }
          pending = true;
          time = r.time;
          key.reset();
          key.write(r.bytes, 0, r.len);
          System.arraycopy(r.state, 0, state, 0, stateLength);
        }
        if (r.next()) {
          queue.add(r);
        }
      }
      if (pending) {
        sink.accept(time, key.array(), 0, key.size(), state);
      }
    } finally {
      for (SpillRun.Reader r : readers) {
        r.close();
      }
    }
  }

  private void checkStop() {
    if (stopRequested.getAsBoolean()) {
      throw new StoppedException();
    }
  }

  private static void writeMeta(DataSegment s, Path file) throws IOException {
    ObjectNode meta = JsonNodeFactory.instance.objectNode();
    meta.put("id", s.id());
    meta.put("dataSource", s.dataSource());
    meta.put("interval", s.interval().toString());
    meta.put("version", s.version());
    meta.put("partitionNum", s.partitionNum());
    meta.set("loadSpec", s.loadSpec());
    meta.set("shardSpec", s.shardSpec());
    ArrayNode dims = meta.putArray("dimensions");
    s.dimensions().forEach(dims::add);
    ArrayNode metrics = meta.putArray("metrics");
    s.metrics().forEach(metrics::add);
    meta.put("size", s.size());
    meta.put("numRows", s.numRows());
    MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), meta);
  }

  /** Removes every file and directory this builder created. */
  void abort() {
    for (SegmentFile f : files) {
      f.abandon();
      deleteTree(f.dir());
    }
    for (int i = createdDirs.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(createdDirs.get(i));
      } catch (DirectoryNotEmptyException e) {
        // another task's segments live there too
      } catch (IOException e) {
        execution.log().warn("Could not remove [" + createdDirs.get(i) + "]: " + e.getMessage());
      }
    }
    deleteSpillFiles();
  }

  private void deleteSpillFiles() {
    spillFiles.forEach(SegmentBuilder::deleteQuietly);
    spillFiles.clear();
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // the work directory is removed with the task
    }
  }

  private void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      execution.log().warn("Could not remove [" + dir + "]: " + e.getMessage());
    }
  }
}
