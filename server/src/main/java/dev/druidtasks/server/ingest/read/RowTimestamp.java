package dev.druidtasks.server.ingest.read;

import java.util.Arrays;

/** Reads a row's timestamp column in a {@link TimestampFormat}, remembering the last text parsed. */
public final class RowTimestamp {
  private final int slot;
  private final TimestampFormat format;
  /** The time of rows without the column (or with null); null when such rows are unparseable. */
  private final Long missingValueMillis;
  private final byte[] lastText = new byte[64];
  private int lastLength = -1;
  private long lastMillis;

  public RowTimestamp(int slot, TimestampFormat format, Long missingValueMillis) {
    this.slot = slot;
    this.format = format;
    this.missingValueMillis = missingValueMillis;
  }

  /** @throws IllegalArgumentException (or ArithmeticException) when the row has no usable timestamp */
  public long millis(RowValues row) {
    byte[] src = row.source();
    return switch (row.kind(slot)) {
      case 0, RowValues.NULL -> {
        if (missingValueMillis == null) {
          throw new IllegalArgumentException("null timestamp");
        }
        yield missingValueMillis;
      }
      case RowValues.STRING_RAW -> {
        int off = row.off(slot);
        int len = row.len(slot);
        // consecutive rows often share a timestamp text
        if (len == lastLength && Arrays.equals(src, off, off + len, lastText, 0, len)) {
          yield lastMillis;
        }
        long t = format.parseUtf8(src, off, len);
        if (len <= lastText.length) {
          System.arraycopy(src, off, lastText, 0, len);
          lastLength = len;
          lastMillis = t;
        }
        yield t;
      }
      case RowValues.NUMBER_RAW -> format.parseNumberLiteral(src, row.off(slot), row.len(slot));
      case RowValues.TEXT -> format.parseText(row.text(slot));
      default -> throw new IllegalArgumentException("not a timestamp");
    };
  }
}
