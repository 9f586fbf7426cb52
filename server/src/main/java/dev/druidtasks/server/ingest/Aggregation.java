package dev.druidtasks.server.ingest;

import dev.druidtasks.server.ingest.read.Columns;
import dev.druidtasks.server.ingest.read.NumberText;
import dev.druidtasks.server.ingest.read.RowValues;
import dev.druidtasks.server.ingest.segment.ByteSink;
import dev.druidtasks.server.ingest.spec.MetricSpec;
import java.util.List;
import java.util.Locale;

/**
 * The {@code metricsSpec} aggregators over a row or a rolled-up group of rows. A state is a
 * {@code long[]}: one value per metric (doubles as their bits), then bit words saying which metrics saw
 * a value (those that saw none are written as null, as Druid does).
 */
final class Aggregation {
  private enum Kind {
    COUNT(false), LONG_SUM(false), LONG_MIN(false), LONG_MAX(false),
    DOUBLE_SUM(true), DOUBLE_MIN(true), DOUBLE_MAX(true);

    final boolean floating;

    Kind(boolean floating) {
      this.floating = floating;
    }

    /** {@code count}, or {@code long|double|float} + {@code Sum|Min|Max} (floats are summed as doubles). */
    static Kind of(String type) {
      return type.equals("count") ? COUNT : valueOf((type.startsWith("long") ? "LONG_" : "DOUBLE_")
          + type.substring(type.length() - 3).toUpperCase(Locale.ROOT));
    }
  }

  private final MetricSpec[] metrics;
  private final Kind[] kinds;
  private final int[] slots;
  private final byte[][] jsonNames;
  private final int stateLength;
  private long parsedLong;
  private double parsedDouble;

  Aggregation(List<MetricSpec> metrics, Columns columns) {
    this.metrics = metrics.toArray(new MetricSpec[0]);
    this.kinds = new Kind[this.metrics.length];
    this.slots = new int[this.metrics.length];
    this.jsonNames = new byte[this.metrics.length][];
    for (int i = 0; i < this.metrics.length; i++) {
      MetricSpec m = this.metrics[i];
      kinds[i] = Kind.of(m.type());
      slots[i] = m.fieldName() == null ? Columns.UNUSED : columns.knownSlot(m.fieldName());
      ByteSink name = new ByteSink(32);
      name.write(',');
      name.writeJsonString(m.name());
      name.write(':');
      jsonNames[i] = name.toByteArray();
    }
    stateLength = this.metrics.length + (this.metrics.length + 63) / 64;
  }

  int stateLength() {
    return stateLength;
  }

  boolean isEmpty() {
    return metrics.length == 0;
  }

  long[] newState() {
    long[] s = new long[stateLength];
    reset(s);
    return s;
  }

  void reset(long[] s) {
    for (int i = 0; i < metrics.length; i++) {
      s[i] = switch (kinds[i]) {
        case LONG_MIN -> Long.MAX_VALUE;
        case LONG_MAX -> Long.MIN_VALUE;
        case DOUBLE_SUM -> Double.doubleToRawLongBits(0.0);
        case DOUBLE_MIN -> Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
        case DOUBLE_MAX -> Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY);
        default -> 0L;
      };
    }
    for (int i = metrics.length; i < stateLength; i++) {
      s[i] = 0;
    }
  }

  private boolean seen(long[] s, int i) {
    return (s[metrics.length + (i >> 6)] & (1L << (i & 63))) != 0;
  }

  private void markSeen(long[] s, int i) {
    s[metrics.length + (i >> 6)] |= 1L << (i & 63);
  }

  /** Aggregates one input row into {@code s}; values that are not numbers become problems. */
  void add(long[] s, RowValues row, List<String> problems) {
    for (int i = 0; i < metrics.length; i++) {
      Kind kind = kinds[i];
      if (kind == Kind.COUNT) {
        s[i]++;
        markSeen(s, i);
        continue;
      }
      int slot = slots[i];
      if (slot < 0 || !row.has(slot)) {
        continue;
      }
      if (!parse(row, slot, kind.floating)) {
        problems.add("Unable to parse value[" + row.asString(slot) + "] for field[" + metrics[i].fieldName() + "]");
        continue;
      }
      if (kind.floating) {
        apply(s, i, kind, 0, parsedDouble);
      } else {
        apply(s, i, kind, parsedLong, 0);
      }
    }
  }

  private void apply(long[] s, int i, Kind kind, long l, double d) {
    switch (kind) {
      case LONG_SUM -> s[i] += l;
      case LONG_MIN -> s[i] = Math.min(s[i], l);
      case LONG_MAX -> s[i] = Math.max(s[i], l);
      case DOUBLE_SUM -> s[i] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[i]) + d);
      case DOUBLE_MIN -> s[i] = Double.doubleToRawLongBits(Math.min(Double.longBitsToDouble(s[i]), d));
      case DOUBLE_MAX -> s[i] = Double.doubleToRawLongBits(Math.max(Double.longBitsToDouble(s[i]), d));
      default -> s[i] += l;
    }
    markSeen(s, i);
  }

  private boolean parse(RowValues row, int slot, boolean floating) {
    byte kind = row.kind(slot);
    byte[] src = row.source();
    if (kind == RowValues.NUMBER_RAW && NumberText.isSmallInteger(src, row.off(slot), row.len(slot))) {
      parsedLong = NumberText.smallInteger(src, row.off(slot), row.len(slot));
      parsedDouble = parsedLong;
      return true;
    }
    String text = row.numberText(slot);
    if (text == null || text.isEmpty()) {
      return false;
    }
    try {
      if (!floating) {
        try {
          parsedLong = Long.parseLong(text);
          return true;
        } catch (NumberFormatException e) {
          parsedLong = (long) Double.parseDouble(text);
          return true;
        }
      }
      parsedDouble = Double.parseDouble(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Folds {@code from} into {@code into} (rollup of two groups with the same key). */
  void combine(long[] into, long[] from) {
    for (int i = 0; i < metrics.length; i++) {
      if (!seen(from, i)) {
        continue;
      }
      Kind kind = kinds[i];
      if (kind == Kind.COUNT) {
        into[i] += from[i];
        markSeen(into, i);
      } else if (kind.floating) {
        apply(into, i, kind, 0, Double.longBitsToDouble(from[i]));
      } else {
        apply(into, i, kind, from[i], 0);
      }
    }
  }

  /** Writes {@code ,"name":value} for every metric. */
  void writeJson(long[] s, ByteSink out) {
    for (int i = 0; i < metrics.length; i++) {
      out.write(jsonNames[i]);
      if (!seen(s, i)) {
        out.writeAscii(kinds[i] == Kind.COUNT ? "0" : "null");
      } else if (kinds[i].floating) {
        out.writeDouble(Double.longBitsToDouble(s[i]));
      } else {
        out.writeLong(s[i]);
      }
    }
  }
}
