package dev.druidtasks.server.ingest.segment;

import dev.druidtasks.server.ingest.segment.TimeChunk.Row;
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
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BiConsumer;

/**
 * Sorted runs of rows spilled to the task's work directory, and their k-way merge back into one sorted
 * run. With rollup a row's bytes are its dimensions (the group's key) and it carries the aggregation
 * state; a run file holds {@code time, length, bytes, state…} per row.
 */
final class ExternalSort {
  private static final int MAX_MERGE_FAN_IN = 64;

  /** Sorted rows, read one at a time. */
  interface Run extends Closeable {
    /** The next row, or null at the end. */
    Row next() throws IOException;

    @Override
    default void close() throws IOException {}
  }

  private final Path dir;
  private final int stateLength;
  /** Null without rollup: rows are then ordered by time and run only. */
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

  /** Writes a sorted run to a new file and answers it. */
  Path spill(Run rows) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("run-" + (files++) + ".bin");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 17))) {
      for (Row r = rows.next(); r != null; r = rows.next()) {
        out.writeLong(r.time());
        out.writeInt(r.bytes().length);
        out.write(r.bytes());
        for (int i = 0; i < stateLength; i++) {
          out.writeLong(r.state()[i]);
        }
      }
    }
    return file;
  }

  /**
   * The rows of the run files, then of {@code held}, as one sorted run (through intermediate files when
   * there are too many to open at once); each file is deleted once merged.
   */
  Run merge(List<Path> runFiles, Run held) throws IOException {
    List<Path> pending = new ArrayList<>(runFiles);
    while (pending.size() > MAX_MERGE_FAN_IN) {
      List<Path> group = pending.subList(0, MAX_MERGE_FAN_IN);
      Path merged;
      try (Run r = new Merge(List.copyOf(group), () -> null)) {
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

  private Run read(Path file) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    return new Run() {
      @Override
      public Row next() throws IOException {
        long time;
        try {
          time = in.readLong();
        } catch (EOFException e) {
          return null;
        }
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        long[] state = new long[stateLength];
        for (int i = 0; i < stateLength; i++) {
          state[i] = in.readLong();
        }
        return new Row(time, bytes, state);
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }

  /**
   * A run in a merge and its next row; {@code index} breaks ties: earlier runs first, so rows of equal
   * times keep their arrival order.
   */
  private static final class Head {
    final Run run;
    final int index;
    Row row;

    Head(Run run, int index) {
      this.run = run;
      this.index = index;
    }
  }

  /** The k-way merge of runs; with rollup, rows of the same time and key are combined into one. */
  private final class Merge implements Run {
    private final List<Path> files;
    private final List<Run> runs = new ArrayList<>();
    private final Comparator<Row> order = combine == null ? TimeChunk.BY_TIME : TimeChunk.BY_TIME_AND_KEY;
    private final PriorityQueue<Head> queue = new PriorityQueue<>((a, b) -> {
      int c = order.compare(a.row, b.row);
      return c != 0 ? c : Integer.compare(a.index, b.index);
    });
    private long merged;

    Merge(List<Path> files, Run held) throws IOException {
      this.files = files;
      try {
        for (Path f : files) {
          runs.add(read(f));
        }
        runs.add(held);
        for (int i = 0; i < runs.size(); i++) {
          advance(new Head(runs.get(i), i));
        }
      } catch (IOException | RuntimeException e) {
        close();
        throw e;
      }
    }

    private void advance(Head h) throws IOException {
      h.row = h.run.next();
      if (h.row != null) {
        queue.add(h);
      }
    }

    @Override
    public Row next() throws IOException {
      Head h = queue.poll();
      if (h == null) {
        return null;
      }
      if ((++merged & 8191) == 0) {
        checkStop.run();
      }
      Row r = h.row;
      advance(h);
      while (combine != null && (h = queue.peek()) != null && h.row.time() == r.time()
          && Arrays.equals(h.row.bytes(), r.bytes())) {
        combine.accept(r.state(), queue.poll().row.state());
        advance(h);
      }
      return r;
    }

    @Override
    public void close() throws IOException {
      for (Run r : runs) {
        r.close();
      }
      files.forEach(f -> DeepStorage.deleteTree(f, log));
    }
  }
}
