package dev.druidtasks.server.ingest.read;

import java.nio.charset.StandardCharsets;

/** Integer parsing straight from bytes, the common case; the rest goes through Long or Double. */
public final class NumberText {
  /** What {@link #smallInteger} answers for bytes that are not a small integer. */
  public static final long NOT_INTEGER = Long.MIN_VALUE;

  private NumberText() {}

  /** True when the bytes are an optionally signed run of at most 18 digits. */
  public static boolean isSmallInteger(byte[] b, int off, int len) {
    return smallInteger(b, off, len) != NOT_INTEGER;
  }

  /** The value of an optionally signed run of 1 to 18 digits (never overflows), else {@link #NOT_INTEGER}. */
  public static long smallInteger(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    boolean neg = false;
    if (i < end && (b[i] == '-' || b[i] == '+')) {
      neg = b[i] == '-';
      i++;
    }
    if (i == end || end - i > 18) {
      return NOT_INTEGER;
    }
    long v = 0;
    for (; i < end; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return NOT_INTEGER;
      }
      v = v * 10 + d;
    }
    return neg ? -v : v;
  }

  /** The value of exactly {@code len} unsigned digits at {@code off} within {@code end}, else -1. */
  static int digits(byte[] b, int off, int len, int end) {
    if (off + len > end || b[off] == '-' || b[off] == '+') {
      return -1;
    }
    return (int) Math.max(-1, smallInteger(b, off, len));
  }

  public static String ascii(byte[] b, int off, int len) {
    return new String(b, off, len, StandardCharsets.US_ASCII);
  }

  /**
   * A JSON number as Druid prints it after reading it as an integer or a Double ({@code 12.50} →
   * {@code 12.5}); integers keep every digit.
   */
  public static String canonical(byte[] b, int off, int len) {
    String raw = ascii(b, off, len);
    return raw.indexOf('.') < 0 && raw.indexOf('e') < 0 && raw.indexOf('E') < 0
        ? raw : Double.toString(Double.parseDouble(raw));
  }

  /** As Druid reads a number into a long: exactly when it is an integer, else the double cut. */
  public static long longValue(String number) {
    try {
      return Long.parseLong(number);
    } catch (NumberFormatException e) {
      return (long) Double.parseDouble(number);
    }
  }
}
