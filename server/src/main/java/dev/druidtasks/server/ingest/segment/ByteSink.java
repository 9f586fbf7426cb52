package dev.druidtasks.server.ingest.segment;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.io.NumberOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer for rows of JSON: pieces known to need no escaping are copied as bytes,
 * strings go through Jackson's generator (its escaping and UTF-8 encoding).
 */
public final class ByteSink extends OutputStream {
  private static final JsonFactory JSON = new JsonFactoryBuilder()
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
      .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
      .rootValueSeparator((String) null)
      .build();

  private byte[] buf;
  private int size;
  /** Writes into this buffer; flushed after each string so bytes written directly stay in order. */
  private final JsonGenerator strings;

  public ByteSink(int capacity) {
    buf = new byte[capacity];
    try {
      strings = JSON.createGenerator(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int size() {
    return size;
  }

  public byte[] array() {
    return buf;
  }

  public void reset() {
    size = 0;
  }

  public void truncate(int newSize) {
    size = newSize;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }

  @Override
  public void write(int b) {
    ensure(1);
    buf[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b) {
    write(b, 0, b.length);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
  }

  public void writeLong(long v) {
    ensure(20);
    size = NumberOutput.outputLong(v, buf, size);
  }

  /** A double as a JSON number ({@code 3.0}, {@code 1.5E20}), or null when it has none (NaN, infinities). */
  public void writeDouble(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      writeAscii("null");
    } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      writeLong((long) v);
      writeAscii(".0");
    } else {
      writeAscii(Double.toString(v));
    }
  }

  public void writeAscii(String s) {
    write(s.getBytes(StandardCharsets.US_ASCII));
  }

  /** {@code s} as a quoted JSON string in UTF-8. */
  public void writeJsonString(String s) {
    try {
      strings.writeString(s);
      strings.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** UTF-8 bytes that may need escaping (e.g. raw JSON text) as a quoted JSON string. */
  public void writeJsonStringFromUtf8(byte[] b, int off, int len) {
    try {
      strings.writeUTF8String(b, off, len);
      strings.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
