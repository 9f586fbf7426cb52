package dev.druidtasks.server.ingest.segment;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A sorted run of rows persisted to the task's work directory when memory is full. A record is
 * {@code time, length, bytes} and, for rollup, the aggregation state after the bytes (the bytes are
 * then the dimensions part of the row, the rollup key).
 */
final class SpillRun {
  private SpillRun() {}

  static final class Writer implements Closeable {
    private final DataOutputStream out;
    private final int stateLength;

    Writer(Path file, int stateLength) throws IOException {
      this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 17));
      this.stateLength = stateLength;
    }

    void write(long time, byte[] bytes, int off, int len, long[] state) throws IOException {
      out.writeLong(time);
      out.writeInt(len);
      out.write(bytes, off, len);
      for (int i = 0; i < stateLength; i++) {
        out.writeLong(state[i]);
      }
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  static final class Reader implements Closeable {
    private final DataInputStream in;
    final int order;
    private final boolean keyed;
    long time;
    byte[] bytes = new byte[256];
    int len;
    final long[] state;

    /** @param keyed whether records are ordered by their bytes after time (rollup keys) */
    Reader(Path file, int stateLength, int order, boolean keyed) throws IOException {
      this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
      this.state = new long[stateLength];
      this.order = order;
      this.keyed = keyed;
    }

    /** Reads the next record; false at the end. */
    boolean next() throws IOException {
      try {
        time = in.readLong();
      } catch (EOFException e) {
        return false;
      }
      len = in.readInt();
      if (len > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(len, bytes.length * 2));
      }
      in.readFully(bytes, 0, len);
      for (int i = 0; i < state.length; i++) {
        state[i] = in.readLong();
      }
      return true;
    }

    /** Time first, then the key bytes when keyed, then the run's order (earlier runs first). */
    int compareTo(Reader other) {
      int c = Long.compare(time, other.time);
      if (c != 0) {
        return c;
      }
      if (keyed) {
        c = Arrays.compareUnsigned(bytes, 0, len, other.bytes, 0, other.len);
      }
      return c != 0 ? c : Integer.compare(order, other.order);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
