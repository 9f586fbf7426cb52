package dev.druidtasks.server.ingest.read;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import dev.druidtasks.server.ingest.IngestionSpec.DelimitedFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code csv} and {@code tsv} lines. CSV fields may be quoted ({@code "a,b"}, {@code ""} for a quote
 * inside; Jackson's CSV reader splits them); TSV lines split on the delimiter. As in Druid, a row is
 * one line, and values holding the list delimiter become multi-value.
 */
public final class DelimitedRowReader implements RowReader {
  private static final ObjectReader CSV_LINE =
      new CsvMapper().readerFor(String[].class);

  /** Druid's default list delimiter when none is given: Ctrl-A. */
  private static final String DEFAULT_LIST_DELIMITER = "\u0001";

  private final DelimitedFormat format;
  private final Columns columns;
  private final String listDelimiter;
  private final Pattern splitter;
  private final Pattern listSplitter;
  private int[] slots;
  private int linesSeen;

  public DelimitedRowReader(DelimitedFormat format, Columns columns) {
    this.format = format;
    this.columns = columns;
    this.listDelimiter = format.listDelimiter() == null ? DEFAULT_LIST_DELIMITER : format.listDelimiter();
    this.splitter = Pattern.compile(format.delimiter(), Pattern.LITERAL);
    this.listSplitter = Pattern.compile(listDelimiter, Pattern.LITERAL);
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
    List<String> fields = split(b, off, len, line);
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
        row.setMulti(slot, List.of(listSplitter.split(v, -1)));
      } else {
        row.setText(slot, v);
      }
    }
    return true;
  }

  private List<String> split(byte[] b, int off, int len, String line) throws UnparseableRowException {
    if (!format.quoted()) {
      return Arrays.asList(splitter.split(line, -1));
    }
    try {
      return Arrays.asList(CSV_LINE.<String[]>readValue(b, off, len));
    } catch (IOException e) {
      throw new UnparseableRowException("Unable to parse row: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
