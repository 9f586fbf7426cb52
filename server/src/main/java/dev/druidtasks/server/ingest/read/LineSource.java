package dev.druidtasks.server.ingest.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without copying them: each line is a range of an internal buffer,
 * valid until the next call. As in Druid, a {@code \r} before a {@code \n} is dropped; counts every byte read.
 */
public final class LineSource implements Closeable {
  /** A longer line fails the read rather than the heap. */
  static final int MAX_LINE_BYTES = 64 << 20;

  private final InputStream in;
  private byte[] buf;
  private int pos;
  private int limit;
  private int scanFrom;
  private boolean eof;
  private int start;
  private int length;
  private long bytesRead;

  public LineSource(InputStream in, int bufferSize) {
    this.in = in;
    this.buf = new byte[bufferSize];
  }

  /** Moves to the next line; false at the end of the stream. */
  public boolean next() throws IOException {
    while (true) {
      for (int i = scanFrom; i < limit; i++) {
        if (buf[i] == '\n') {
          return take(i, 1);
        }
      }
      scanFrom = limit;
      if (eof) {
        return pos < limit && take(limit, 0);
      }
      fill();
    }
  }

  /** The line is {@code [pos, end)}, followed by {@code newline} bytes. */
  private boolean take(int end, int newline) {
    start = pos;
    length = end - pos;
    bytesRead += length + newline;
    pos = end + newline;
    scanFrom = pos;
    if (newline > 0 && length > 0 && buf[start + length - 1] == '\r') {
      length--;
    }
    return true;
  }

  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      scanFrom -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      if (buf.length >= MAX_LINE_BYTES) {
        throw new IOException("A line is longer than " + MAX_LINE_BYTES + " bytes");
      }
      buf = Arrays.copyOf(buf, Math.min(MAX_LINE_BYTES, buf.length * 2));
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }

  public byte[] buffer() {
    return buf;
  }

  public int start() {
    return start;
  }

  public int length() {
    return length;
  }

  /** Bytes consumed so far, newlines included. */
  public long bytesRead() {
    return bytesRead;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
