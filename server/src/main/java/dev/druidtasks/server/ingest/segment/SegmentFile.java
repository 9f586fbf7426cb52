package dev.druidtasks.server.ingest.segment;

import dev.druidtasks.server.task.DataSegment;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The rows file of one segment being written: {@code rows.json.gz}, one JSON object a line, gzip at
 * the fastest level (the write path must keep up with parsing).
 */
final class SegmentFile {
  final Path dir;
  final int partitionNum;
  private OutputStream out;
  private long rows;
  /** Bytes of the rows file, once closed. */
  private long size = -1;

  SegmentFile(Path dir, int partitionNum) throws IOException {
    this.dir = dir;
    this.partitionNum = partitionNum;
    this.out = new BufferedOutputStream(new FastGzipOutputStream(Files.newOutputStream(dir.resolve(DataSegment.ROWS_FILE))),
        1 << 17);
  }

  void write(byte[] row, int off, int len) throws IOException {
    out.write(row, off, len);
    out.write('\n');
    rows++;
  }

  long rows() {
    return rows;
  }

  long size() {
    return size;
  }

  void close() throws IOException {
    if (out != null) {
      OutputStream o = out;
      out = null;
      o.close();
      size = Files.size(dir.resolve(DataSegment.ROWS_FILE));
    }
  }

  /** Closes without caring whether the file is complete (it is about to be deleted). */
  void abandon() {
    try {
      close();
    } catch (IOException ignored) {
      // the file goes away anyway
    }
  }

  private static final class FastGzipOutputStream extends GZIPOutputStream {
    FastGzipOutputStream(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
