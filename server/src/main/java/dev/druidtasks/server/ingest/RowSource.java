package dev.druidtasks.server.ingest;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The input's lines, file after file, counting the uncompressed bytes read (Druid's processedBytes). */
final class RowSource implements Closeable {
  private final List<Path> files;
  private final String inline;
  private int next;
  private BufferedReader reader;
  private Counting counter;
  private long bytesBefore;
  private String currentName = "";
  private long lineNumber;

  RowSource(List<Path> files, String inline) {
    this.files = files;
    this.inline = inline;
  }

  /** The next line, or null at the end of all input. A new file starts with {@link #startedNewFile}. */
  String nextLine() throws IOException {
    while (true) {
      if (reader == null && !open()) {
        return null;
      }
      String line = reader.readLine();
      if (line != null) {
        lineNumber++;
        return line;
      }
      bytesBefore += counter.count;
      reader.close();
      reader = null;
    }
  }

  private boolean startedNew;

  boolean startedNewFile() {
    boolean s = startedNew;
    startedNew = false;
    return s;
  }

  private boolean open() throws IOException {
    InputStream in;
    if (inline != null) {
      if (next > 0) {
        return false;
      }
      in = new ByteArrayInputStream(inline.getBytes(StandardCharsets.UTF_8));
      currentName = "inline data";
    } else {
      if (next >= files.size()) {
        return false;
      }
      Path p = files.get(next);
      in = Files.newInputStream(p);
      if (p.getFileName().toString().endsWith(".gz")) {
        in = new GZIPInputStream(in, 64 * 1024);
      }
      currentName = p.toString();
    }
    next++;
    counter = new Counting(in);
    reader = new BufferedReader(new InputStreamReader(counter, StandardCharsets.UTF_8), 256 * 1024);
    lineNumber = 0;
    startedNew = true;
    return true;
  }

  String currentName() {
    return currentName;
  }

  long lineNumber() {
    return lineNumber;
  }

  long bytesRead() {
    return bytesBefore + (counter == null || reader == null ? 0 : counter.count);
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }

  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
