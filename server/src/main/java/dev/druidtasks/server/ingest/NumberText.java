package dev.druidtasks.server.ingest;

import java.nio.charset.StandardCharsets;

/** Number parsing straight from bytes for the common integer case; the rest goes through Double. */
final class NumberText {
  private NumberText() {}

  /** True when the bytes are an optionally signed run of at most 18 digits. */
  static boolean isSmallInteger(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    if (i < end && (b[i] == '-' || b[i] == '+')) {
      i++;
    }
    if (i == end || end - i > 18) {
      return false;
    }
    for (; i < end; i++) {
      if (b[i] < '0' || b[i] > '9') {
        return false;
      }
    }
    return true;
  }

  /** Parses what {@link #isSmallInteger} accepted. */
  static long smallInteger(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    boolean neg = false;
    if (b[i] == '-' || b[i] == '+') {
      neg = b[i] == '-';
      i++;
    }
    long v = 0;
    for (; i < end; i++) {
      v = v * 10 + (b[i] - '0');
    }
    return neg ? -v : v;
  }

  static String ascii(byte[] b, int off, int len) {
    return new String(b, off, len, StandardCharsets.US_ASCII);
  }

  /** A JSON number as Druid prints it after reading it as Long or Double ({@code 12.50} → {@code 12.5}). */
  static String canonical(byte[] b, int off, int len) {
    String raw = ascii(b, off, len);
    return isSmallInteger(b, off, len) ? raw : Double.toString(Double.parseDouble(raw));
  }
}
