package dev.druidtasks.server.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer that writes JSON pieces without allocating per call. */
final class ByteSink {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LONG_MIN = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

  private byte[] buf;
  private int size;

  ByteSink(int capacity) {
    buf = new byte[capacity];
  }

  int size() {
    return size;
  }

  byte[] array() {
    return buf;
  }

  void reset() {
    size = 0;
  }

  void truncate(int newSize) {
    size = newSize;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(buf, 0, size);
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }

  void write(int b) {
    ensure(1);
    buf[size++] = (byte) b;
  }

  void write(byte[] b) {
    write(b, 0, b.length);
  }

  void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
  }

  /** Writes a decimal long. */
  void writeLong(long v) {
    if (v == Long.MIN_VALUE) {
      write(LONG_MIN);
      return;
    }
    ensure(20);
    if (v < 0) {
      buf[size++] = '-';
      v = -v;
    }
    int digits = 1;
    for (long x = v; x >= 10; x /= 10) {
      digits++;
    }
    int end = size + digits;
    for (int i = end - 1; i >= size; i--) {
      buf[i] = (byte) ('0' + (v % 10));
      v /= 10;
    }
    size = end;
  }

  /** Writes a double as a JSON number, or null when it has no JSON form (NaN, infinities). */
  void writeDouble(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      writeAscii("null");
    } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      writeLong((long) v);
      writeAscii(".0");
    } else {
      writeAscii(Double.toString(v));
    }
  }

  void writeAscii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[size++] = (byte) s.charAt(i);
    }
  }

  /** Writes {@code s} as a quoted JSON string in UTF-8. */
  void writeJsonString(String s) {
    write('"');
    writeJsonStringContent(s);
    write('"');
  }

  void writeJsonStringContent(String s) {
    int n = s.length();
    ensure(n + 8);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        if (size == buf.length) {
          ensure(n - i + 8);
        }
        buf[size++] = (byte) c;
      } else {
        writeEscapedChar(s, i, c);
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        }
      }
    }
  }

  private void writeEscapedChar(String s, int i, char c) {
    ensure(12);
    switch (c) {
      case '"' -> { buf[size++] = '\\'; buf[size++] = '"'; }
      case '\\' -> { buf[size++] = '\\'; buf[size++] = '\\'; }
      case '\n' -> { buf[size++] = '\\'; buf[size++] = 'n'; }
      case '\r' -> { buf[size++] = '\\'; buf[size++] = 'r'; }
      case '\t' -> { buf[size++] = '\\'; buf[size++] = 't'; }
      default -> {
        if (c < 0x20) {
          unicodeEscape(c);
        } else if (c < 0x800) {
          buf[size++] = (byte) (0xC0 | (c >> 6));
          buf[size++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(i + 1));
          buf[size++] = (byte) (0xF0 | (cp >> 18));
          buf[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          buf[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          buf[size++] = (byte) (0x80 | (cp & 0x3F));
        } else if (Character.isSurrogate(c)) {
          unicodeEscape(c); // a lone surrogate has no UTF-8 form; the escape keeps the JSON valid
        } else {
          buf[size++] = (byte) (0xE0 | (c >> 12));
          buf[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
          buf[size++] = (byte) (0x80 | (c & 0x3F));
        }
      }
    }
  }

  private void unicodeEscape(char c) {
    buf[size++] = '\\';
    buf[size++] = 'u';
    buf[size++] = HEX[(c >> 12) & 0xF];
    buf[size++] = HEX[(c >> 8) & 0xF];
    buf[size++] = HEX[(c >> 4) & 0xF];
    buf[size++] = HEX[c & 0xF];
  }

  /** Writes UTF-8 bytes that may need escaping (e.g. raw JSON text) as a quoted JSON string. */
  void writeJsonStringFromUtf8(byte[] b, int off, int len) {
    ensure(len + 2);
    buf[size++] = '"';
    for (int i = off; i < off + len; i++) {
      byte x = b[i];
      if (x == '"' || x == '\\') {
        ensure(len - (i - off) + 4);
        buf[size++] = '\\';
        buf[size++] = x;
      } else if (x >= 0 && x < 0x20) {
        ensure(len - (i - off) + 8);
        unicodeEscape((char) x);
      } else {
        ensure(len - (i - off) + 2);
        buf[size++] = x;
      }
    }
    ensure(1);
    buf[size++] = '"';
  }

  @Override
  public String toString() {
    return new String(buf, 0, size, StandardCharsets.UTF_8);
  }
}
