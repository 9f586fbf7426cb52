package dev.druidtasks.server.ingest.segment;

import dev.druidtasks.server.task.TaskLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BiConsumer;

/**
 * Sorted runs of rows (or rollup groups) spilled to the task's work directory, and their k-way merge
 * back into one sorted stream; with rollup, records of the same time and key are combined.
 */
final class ExternalSort {
  private static final int MAX_MERGE_FAN_IN = 64;

  /** Receives merged records in order: the time, the bytes (a row, or a rollup key) and the state. */
  interface RecordSink {
    void accept(long time, byte[] bytes, int len, long[] state) throws IOException;
  }

  private final Path dir;
  private final int stateLength;
  /** Null without rollup: records are then rows, ordered by time and run only. */
  private final BiConsumer<long[], long[]> combine;
  private final Runnable checkStop;
  private final TaskLog log;
  private int runs;

  ExternalSort(Path dir, int stateLength, BiConsumer<long[], long[]> combine, Runnable checkStop, TaskLog log) {
    this.dir = dir;
    this.stateLength = stateLength;
    this.combine = combine;
    this.checkStop = checkStop;
    this.log = log;
  }

  /** A new, empty run file to write sorted records to. */
  SpillRun.Writer newRun(List<Path> into) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("run-" + (runs++) + ".bin");
    into.add(file);
    return new SpillRun.Writer(file, stateLength);
  }

  /** Merges the runs into {@code sink}, through intermediate runs when there are too many to open at once. */
  void merge(List<Path> sortedRuns, RecordSink sink) throws IOException {
    List<Path> pending = new ArrayList<>(sortedRuns);
    while (pending.size() > MAX_MERGE_FAN_IN) {
      List<Path> group = pending.subList(0, MAX_MERGE_FAN_IN);
      List<Path> merged = new ArrayList<>(1);
      try (SpillRun.Writer w = newRun(merged)) {
        mergeOnce(List.copyOf(group), (time, bytes, len, state) -> w.write(time, bytes, 0, len, state));
      }
      group.forEach(this::delete);
      group.clear();
      pending.add(0, merged.get(0));
    }
    mergeOnce(pending, sink);
    pending.forEach(this::delete);
  }

  private void mergeOnce(List<Path> files, RecordSink sink) throws IOException {
    boolean rollup = combine != null;
    PriorityQueue<SpillRun.Reader> queue = new PriorityQueue<>(files.size(), SpillRun.Reader::compareTo);
    List<SpillRun.Reader> readers = new ArrayList<>();
    try {
      for (Path file : files) {
        SpillRun.Reader r = new SpillRun.Reader(file, stateLength, readers.size(), rollup);
        readers.add(r);
        if (r.next()) {
          queue.add(r);
        }
      }
      ByteSink key = new ByteSink(256);
      long[] state = new long[stateLength];
      long time = 0;
      boolean pending = false;
      for (long n = 1; !queue.isEmpty(); n++) {
        if ((n & 8191) == 0) {
          checkStop.run();
        }
        SpillRun.Reader r = queue.poll();
        if (!rollup) {
          sink.accept(r.time, r.bytes, r.len, r.state);
        } else if (pending && r.time == time && Arrays.equals(key.array(), 0, key.size(), r.bytes, 0, r.len)) {
          combine.accept(state, r.state);
        } else {
          if (pending) {
            sink.accept(time, key.array(), key.size(), state);
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
        sink.accept(time, key.array(), key.size(), state);
      }
    } finally {
      for (SpillRun.Reader r : readers) {
        r.close();
      }
    }
  }

  private void delete(Path run) {
    DeepStorage.deleteTree(run, log);
  }

  /** Removes every run still on disk. */
  void removeAll() {
    DeepStorage.deleteTree(dir, log);
  }
}
