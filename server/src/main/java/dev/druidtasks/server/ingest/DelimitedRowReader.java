package dev.druidtasks.server.ingest;

import dev.druidtasks.server.ingest.IngestionSpec.DelimitedFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code csv} and {@code tsv} lines. CSV fields may be quoted ({@code "a,b"}, {@code ""} for a quote
 * inside); as in Druid, a row is one line. Values holding the list delimiter become multi-value.
 */
final class DelimitedRowReader implements RowReader {
  /** Druid's default list delimiter when none is given: Ctrl-A. */
  static final String DEFAULT_LIST_DELIMITER = "\u0001";

  private final DelimitedFormat format;
  private final Columns columns;
  private final String listDelimiter;
  private int[] slots;
  private int linesSeen;
  private final List<String> fields = new ArrayList<>();
  private final StringBuilder field = new StringBuilder();

  DelimitedRowReader(DelimitedFormat format, Columns columns) {
    this.format = format;
    this.columns = columns;
    this.listDelimiter = format.listDelimiter() == null ? DEFAULT_LIST_DELIMITER : format.listDelimiter();
    if (!format.findColumnsFromHeader()) {
      slots = slotsOf(format.columns());
    }
  }

  private int[] slotsOf(List<String> names) {
    int[] s = new int[names.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = columns.slotFor(names.get(i));
    }
    return s;
  }

  @Override
  public boolean read(byte[] b, int off, int len, RowValues row) throws UnparseableRowException {
    linesSeen++;
    if (linesSeen <= format.skipHeaderRows()) {
      return false;
    }
    String line = new String(b, off, len, StandardCharsets.UTF_8);
    if (line.isBlank()) {
      return false;
    }
    split(line);
    if (slots == null) {
      // the header line names the columns of this file
      slots = slotsOf(List.copyOf(fields));
      return false;
    }
    row.begin(b);
    int n = Math.min(fields.size(), slots.length);
    for (int i = 0; i < n; i++) {
      int slot = slots[i];
      if (slot < 0) {
        continue;
      }
      String v = fields.get(i);
      if (v.contains(listDelimiter)) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = v.indexOf(listDelimiter, from)) >= 0) {
          parts.add(v.substring(from, at));
          from = at + listDelimiter.length();
        }
        parts.add(v.substring(from));
        row.setMulti(slot, parts);
      } else {
        row.setText(slot, v);
      }
    }
    return true;
  }

  private void split(String line) throws UnparseableRowException {
    fields.clear();
    String delimiter = format.delimiter();
    if (!format.quoted()) {
      int from = 0;
      int at;
      while ((at = line.indexOf(delimiter, from)) >= 0) {
        fields.add(line.substring(from, at));
        from = at + delimiter.length();
      }
      fields.add(line.substring(from));
      return;
    }
    int i = 0;
    int n = line.length();
    while (true) {
      field.setLength(0);
      if (i < n && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw new UnparseableRowException("Unable to parse row: unterminated quoted field");
          }
          char c = line.charAt(i);
          if (c == '"') {
            if (i + 1 < n && line.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            field.append(c);
            i++;
          }
        }
        // text between the closing quote and the delimiter is kept, as lenient CSV readers do
        while (i < n && !line.startsWith(delimiter, i)) {
          field.append(line.charAt(i++));
        }
      } else {
        while (i < n && !line.startsWith(delimiter, i)) {
          field.append(line.charAt(i++));
        }
      }
      fields.add(field.toString());
      if (i >= n) {
        return;
      }
      i += delimiter.length();
      if (i >= n) {
        fields.add("");
        return;
      }
    }
  }
}
