package dev.druidtasks.server.ingest.segment;

import dev.druidtasks.server.task.DataSegment;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.TaskExecution;
import dev.druidtasks.server.task.TaskLockException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** One segment-granularity time chunk being written: what it holds in memory, its runs and its segments. */
final class TimeChunk {
  /** The order of rows in a segment, and of rollup groups: by time, then by key bytes. */
  static final Comparator<Row> BY_TIME = (a, b) -> Long.compare(a.time(), b.time());
  static final Comparator<Row> BY_TIME_AND_KEY = (a, b) -> {
    int c = Long.compare(a.time(), b.time());
    return c != 0 ? c : Arrays.compareUnsigned(a.bytes(), b.bytes());
  };

  /** How the chunk's rows (without rollup) are handled. */
  enum Mode {
    /** Held in memory while they come in time order, up to a probe size. */
    PROBING,
    /** Written straight to the segment file. */
    STREAMING,
    /** Held, sorted and spilled; merged at the end. */
    SORTING
  }

  /** A row (its JSON line), or with rollup a group: its key (the dimensions part) and aggregation state. */
  record Row(long time, byte[] bytes, long[] state) {}

  final long start;
  final Interval interval;
  final String version;
  /** Slots of discovered dimensions that hold values in this chunk. */
  final BitSet discovered = new BitSet();
  final List<SegmentFile> segments = new ArrayList<>();
  final List<Path> runs = new ArrayList<>();
  final Map<RollupKey, long[]> groups = new HashMap<>();
  Mode mode = Mode.SORTING;
  long lastTime = Long.MIN_VALUE;
  SegmentFile current;
  int nextPartition;
  /** Rows held without rollup, in arrival order. */
  List<Row> rows = new ArrayList<>();

  private TimeChunk(long start, Interval interval, String version) {
    this.start = start;
    this.interval = interval;
    this.version = version;
  }

  /**
   * A chunk under this task's lock, its segments of the lock's version; when appending, of the version
   * of the chunk's existing segments so the new ones join them as extra partitions.
   */
  static TimeChunk locked(long start, Interval chunk, TaskExecution execution, String dataSource, boolean append)
      throws TaskLockException {
    String version = execution.lock(chunk);
    if (append) {
      String existing = null;
      for (DataSegment s : execution.usedSegments(dataSource, chunk)) {
        if (!s.interval().equals(chunk)) {
          throw new TaskLockException("Cannot append to time chunk [" + chunk + "]: existing segment ["
              + s.id() + "] covers [" + s.interval() + "], which does not match the segment granularity");
        }
        if (existing == null || s.version().compareTo(existing) > 0) {
          existing = s.version();
        }
      }
      version = existing != null ? existing : version;
    }
    execution.log().info("Time chunk [" + chunk + "]: writing segments of version [" + version + "]");
    return new TimeChunk(start, chunk, version);
  }

  boolean hasBuffered() {
    return !rows.isEmpty() || !groups.isEmpty();
  }

  /** Takes what is held as a sorted run: rows by time (equal times in arrival order), or groups by key. */
  ExternalSort.Run takeSorted() {
    List<Row> held = rows;
    rows = new ArrayList<>();
    groups.forEach((k, state) -> held.add(new Row(k.time, k.bytes, state)));
    held.sort(groups.isEmpty() ? BY_TIME : BY_TIME_AND_KEY);
    groups.clear();
    Iterator<Row> it = held.iterator();
    return () -> it.hasNext() ? it.next() : null;
  }
}
