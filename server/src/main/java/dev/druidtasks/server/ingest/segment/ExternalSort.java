package dev.druidtasks.server.ingest.segment;

import dev.druidtasks.server.task.TaskLog;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BiConsumer;

/**
 * Sorted runs of records spilled to the task's work directory, and their k-way merge back into one
 * sorted run. A record is a time, bytes (a whole row, or with rollup a row's dimensions: its key) and
 * with rollup the aggregation state; a run file holds {@code time, length, bytes, state…} per record.
 */
final class ExternalSort {
  private static final int MAX_MERGE_FAN_IN = 64;

  /** Sorted records read one at a time; the fields hold the current one until the next call. */
  abstract static class Run implements Closeable {
    long time;
    byte[] bytes;
    int len;
    long[] state;
    /** Breaks ties in a merge: earlier runs first, so rows of equal time keep their arrival order. */
    private int order;

    /** Moves to the next record; false at the end. */
    abstract boolean next() throws IOException;

    final void set(long time, byte[] bytes, int len, long[] state) {
      this.time = time;
      this.bytes = bytes;
      this.len = len;
      this.state = state;
    }

    @Override
    public void close() throws IOException {}
  }

  private final Path dir;
  private final int stateLength;
  /** Null without rollup: records are then rows, ordered by time and run only. */
  private final BiConsumer<long[], long[]> combine;
  private final Runnable checkStop;
  private final TaskLog log;
  private int files;

  ExternalSort(Path dir, int stateLength, BiConsumer<long[], long[]> combine, Runnable checkStop, TaskLog log) {
    this.dir = dir;
    this.stateLength = stateLength;
    this.combine = combine;
    this.checkStop = checkStop;
    this.log = log;
  }

  /** Writes a sorted run's records to a new file and answers it. */
  Path spill(Run records) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("run-" + (files++) + ".bin");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 17))) {
      while (records.next()) {
        out.writeLong(records.time);
        out.writeInt(records.len);
        out.write(records.bytes, 0, records.len);
        for (int i = 0; i < stateLength; i++) {
          out.writeLong(records.state[i]);
        }
      }
    }
    return file;
  }

  /**
   * The records of the run files, then of {@code held}, in one sorted run (through intermediate files
   * when there are too many to open at once); each file is deleted once merged.
   */
  Run merge(List<Path> runFiles, Run held) throws IOException {
    List<Path> pending = new ArrayList<>(runFiles);
    while (pending.size() > MAX_MERGE_FAN_IN) {
      List<Path> group = pending.subList(0, MAX_MERGE_FAN_IN);
      Path merged;
      try (Run r = new Merge(List.copyOf(group), null)) {
        merged = spill(r);
      }
      group.clear();
      pending.add(0, merged);
    }
    return new Merge(pending, held);
  }

  /** Removes every run still on disk. */
  void removeAll() {
    DeepStorage.deleteTree(dir, log);
  }

  /** Time first, then with rollup the key bytes, then the run's order. */
  private int compare(Run a, Run b) {
    int c = Long.compare(a.time, b.time);
    if (c == 0 && combine != null) {
      c = Arrays.compareUnsigned(a.bytes, 0, a.len, b.bytes, 0, b.len);
    }
    return c != 0 ? c : Integer.compare(a.order, b.order);
  }

  /** One run file read back. */
  private final class FileRun extends Run {
    private final DataInputStream in;

    FileRun(Path file) throws IOException {
      in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
      bytes = new byte[256];
      state = new long[stateLength];
    }

    @Override
    boolean next() throws IOException {
      try {
        time = in.readLong();
      } catch (EOFException e) {
        return false;
      }
      len = in.readInt();
      if (len > bytes.length) {
        bytes = new byte[Math.max(len, bytes.length * 2)];
      }
      in.readFully(bytes, 0, len);
      for (int i = 0; i < stateLength; i++) {
        state[i] = in.readLong();
      }
      return true;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** The k-way merge of runs; with rollup, records of the same time and key are combined into one. */
  private final class Merge extends Run {
    private final List<Path> files;
    private final List<Run> sources = new ArrayList<>();
    private final PriorityQueue<Run> queue;
    /** The run whose record is the current one without rollup: it moves on at the next call. */
    private Run taken;
    private byte[] key = new byte[256];
    private long merged;

    Merge(List<Path> files, Run held) throws IOException {
      this.files = files;
      this.queue = new PriorityQueue<>(files.size() + 1, ExternalSort.this::compare);
      state = new long[stateLength];
      try {
        for (Path f : files) {
          sources.add(new FileRun(f));
        }
        if (held != null) {
          sources.add(held);
        }
        for (int i = 0; i < sources.size(); i++) {
          sources.get(i).order = i;
          advance(sources.get(i));
        }
      } catch (IOException | RuntimeException e) {
        close();
        throw e;
      }
    }

    private void advance(Run r) throws IOException {
      if (r.next()) {
        queue.add(r);
      }
    }

    @Override
    boolean next() throws IOException {
      if (taken != null) {
        advance(taken);
        taken = null;
      }
      Run r = queue.poll();
      if (r == null) {
        return false;
      }
      if ((++merged & 8191) == 0) {
        checkStop.run();
      }
      if (combine == null) {
        taken = r;
        set(r.time, r.bytes, r.len, r.state);
        return true;
      }
      // the first record of a key is copied, the next ones of the same time and key folded into it
      if (r.len > key.length) {
        key = new byte[Math.max(r.len, key.length * 2)];
      }
      System.arraycopy(r.bytes, 0, key, 0, r.len);
      System.arraycopy(r.state, 0, state, 0, stateLength);
      set(r.time, key, r.len, state);
      advance(r);
      while ((r = queue.peek()) != null && r.time == time && Arrays.equals(key, 0, len, r.bytes, 0, r.len)) {
        combine.accept(state, queue.poll().state);
        advance(r);
      }
      return true;
    }

    @Override
    public void close() throws IOException {
      for (Run r : sources) {
        r.close();
      }
      files.forEach(f -> DeepStorage.deleteTree(f, log));
    }
  }
}
