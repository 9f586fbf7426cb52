package dev.druidtasks.server.ingest;

import dev.druidtasks.server.ingest.read.Columns;
import dev.druidtasks.server.ingest.read.Dimensions.Dimension;
import dev.druidtasks.server.ingest.read.Dimensions.DimensionType;
import dev.druidtasks.server.ingest.read.Dimensions.MultiValueHandling;
import dev.druidtasks.server.ingest.read.NumberText;
import dev.druidtasks.server.ingest.read.RowValues;
import dev.druidtasks.server.ingest.segment.ByteSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes a row's dimensions as JSON members ({@code ,"name":value}) in output order. String
 * dimensions hold strings or sorted arrays of strings (multi-value); long/float/double dimensions hold
 * numbers; {@code auto} (schema discovery) keeps the input's JSON value as it is. The bytes double as
 * the rollup key, so equal values must give equal bytes.
 */
final class RowEncoder {
  private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

  private final Columns columns;
  private final List<String> scratch = new ArrayList<>();
  /** {@code ,"name":} by slot, made when first written. */
  private byte[][] jsonNames = new byte[16][];

  RowEncoder(Columns columns) {
    this.columns = columns;
  }

  /**
   * @param discoveredPresent gets the slots of discovered dimensions the row has values for
   * @param problems gets a message for each value that does not fit its dimension's type
   */
  void encode(RowValues row, ByteSink out, BitSet discoveredPresent, List<String> problems) {
    int n = columns.dimensionCount();
    for (int i = 0; i < n; i++) {
      int slot = columns.dimensionSlot(i);
      byte kind = row.kind(slot);
      if (kind == 0 || kind == RowValues.NULL) {
        continue;
      }
      Dimension d = columns.dimension(slot);
      int mark = out.size();
      out.write(jsonName(slot));
      boolean written = switch (d.type()) {
        case STRING -> writeString(row, slot, kind, d, out);
        case AUTO -> writeAuto(row, slot, kind, out);
        default -> writeNumber(row, slot, kind, d, out, problems);
      };
      if (!written) {
        out.truncate(mark);
      } else if (!columns.isExplicit(i)) {
        discoveredPresent.set(slot);
      }
    }
  }

  private byte[] jsonName(int slot) {
    if (slot >= jsonNames.length) {
      jsonNames = Arrays.copyOf(jsonNames, Math.max(slot + 1, jsonNames.length * 2));
    }
    if (jsonNames[slot] == null) {
      ByteSink name = new ByteSink(32);
      name.write(',');
      name.writeJsonString(columns.name(slot));
      name.write(':');
      jsonNames[slot] = name.toByteArray();
    }
    return jsonNames[slot];
  }

  private boolean writeString(RowValues row, int slot, byte kind, Dimension d, ByteSink out) {
    byte[] src = row.source();
    switch (kind) {
      case RowValues.STRING_RAW -> {
        out.write('"');
        out.write(src, row.off(slot), row.len(slot));
        out.write('"');
      }
      case RowValues.TEXT -> out.writeJsonString(row.text(slot));
      case RowValues.NUMBER_RAW -> {
        out.write('"');
        if (NumberText.isSmallInteger(src, row.off(slot), row.len(slot))) {
          out.write(src, row.off(slot), row.len(slot));
        } else {
          out.writeAscii(NumberText.canonical(src, row.off(slot), row.len(slot)));
        }
        out.write('"');
      }
      case RowValues.TRUE -> out.writeAscii("\"true\"");
      case RowValues.FALSE -> out.writeAscii("\"false\"");
      case RowValues.JSON_OBJECT -> out.writeJsonStringFromUtf8(src, row.off(slot), row.len(slot));
      case RowValues.JSON_ARRAY -> {
        List<String> values = row.arrayStrings(slot);
        if (values == null) {
          out.writeJsonStringFromUtf8(src, row.off(slot), row.len(slot));
        } else {
          return writeMulti(values, d.multiValueHandling(), out);
        }
      }
      case RowValues.MULTI -> {
        return writeMulti(row.multi(slot), d.multiValueHandling(), out);
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private boolean writeMulti(List<String> values, MultiValueHandling handling, ByteSink out) {
    scratch.clear();
    if (handling == MultiValueHandling.SORTED_SET) {
      values.stream().distinct().forEach(scratch::add);
    } else {
      scratch.addAll(values);
    }
    if (handling != MultiValueHandling.ARRAY) {
      scratch.sort(NULLS_FIRST);
    }
    if (scratch.isEmpty() || (scratch.size() == 1 && scratch.get(0) == null)) {
      return false;
    }
    if (scratch.size() == 1) {
      out.writeJsonString(scratch.get(0));
      return true;
    }
    out.write('[');
    for (int i = 0; i < scratch.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      String v = scratch.get(i);
      if (v == null) {
        out.writeAscii("null");
      } else {
        out.writeJsonString(v);
      }
    }
    out.write(']');
    return true;
  }

  private boolean writeAuto(RowValues row, int slot, byte kind, ByteSink out) {
    byte[] src = row.source();
    switch (kind) {
      case RowValues.STRING_RAW -> {
        out.write('"');
        out.write(src, row.off(slot), row.len(slot));
        out.write('"');
      }
      case RowValues.TEXT -> out.writeJsonString(row.text(slot));
      case RowValues.NUMBER_RAW, RowValues.JSON_ARRAY, RowValues.JSON_OBJECT ->
          out.write(src, row.off(slot), row.len(slot));
      case RowValues.TRUE -> out.writeAscii("true");
      case RowValues.FALSE -> out.writeAscii("false");
      case RowValues.MULTI -> {
        return writeMulti(row.multi(slot), MultiValueHandling.ARRAY, out);
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private boolean writeNumber(RowValues row, int slot, byte kind, Dimension d, ByteSink out, List<String> problems) {
    byte[] src = row.source();
    boolean asLong = d.type() == DimensionType.LONG;
    if (kind == RowValues.NUMBER_RAW && asLong && NumberText.isSmallInteger(src, row.off(slot), row.len(slot))) {
      out.write(src, row.off(slot), row.len(slot));
      return true;
    }
    String text = row.numberText(slot);
    if (text != null && text.isEmpty()) {
      return false;
    }
    String typeName = d.type().name().toLowerCase(Locale.ROOT);
    if (text == null) {
      problems.add("could not convert value [" + row.asString(slot) + "] to " + typeName + " for dimension [" + d.name() + "]");
      return false;
    }
    try {
      if (asLong) {
        out.writeLong(NumberText.longValue(text));
      } else {
        double v = Double.parseDouble(text);
        out.writeDouble(d.type() == DimensionType.FLOAT ? (double) (float) v : v);
      }
      return true;
    } catch (NumberFormatException e) {
      problems.add("could not convert value [" + text + "] to " + typeName + " for dimension [" + d.name() + "]");
      return false;
    }
  }
}
