package dev.druidtasks.server.ingest.read;

import com.opencsv.RFC4180Parser;
import dev.druidtasks.server.ingest.spec.InputFormatSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code csv} and {@code tsv} lines. CSV lines go through opencsv's RFC 4180 parser, the one Druid's
 * {@code CsvInputFormat} uses, so odd framings read as in Druid: {@code "b"x,c} is one field
 * {@code b"x,c}, a quote inside an unquoted field stays, an unterminated quote is kept as text. TSV
 * lines split on the delimiter. As in Druid, a row is one line, and values holding the list delimiter
 * become multi-value.
 */
public final class DelimitedRowReader implements RowReader {
  /** Druid's default list delimiter when none is given: Ctrl-A. */
  private static final String DEFAULT_LIST_DELIMITER = "\u0001";

  private final InputFormatSpec.Delimited format;
  private final Columns columns;
  private final String listDelimiter;
  private final Pattern splitter;
  private final Pattern listSplitter;
  /** Keeps no state between lines: each is parsed on its own (multi-line records are off). */
  private final RFC4180Parser csv = new RFC4180Parser();
  private int[] slots;
  private int linesSeen;

  public DelimitedRowReader(InputFormatSpec.Delimited format, Columns columns) {
    this.format = format;
    this.columns = columns;
    this.listDelimiter = format.listDelimiter() == null ? DEFAULT_LIST_DELIMITER : format.listDelimiter();
    this.splitter = Pattern.compile(format.separator(), Pattern.LITERAL);
    this.listSplitter = Pattern.compile(listDelimiter, Pattern.LITERAL);
    if (!format.findColumnsFromHeader()) {
      slots = slotsOf(format.columns().toArray(String[]::new));
    }
  }

  private int[] slotsOf(String[] names) {
    int[] s = new int[names.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = columns.slotFor(names[i]);
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
    String[] fields = format.quoted() ? parseCsv(line) : splitter.split(line, -1);
    if (slots == null) {
      // the header line names the columns of this file
      slots = slotsOf(fields);
      return false;
    }
    row.begin(b);
    int n = Math.min(fields.length, slots.length);
    for (int i = 0; i < n; i++) {
      String v = fields[i];
      if (slots[i] >= 0) {
        if (v.contains(listDelimiter)) {
          row.setMulti(slots[i], List.of(listSplitter.split(v, -1)));
        } else {
          row.setText(slots[i], v);
        }
      }
    }
    return true;
  }

  private String[] parseCsv(String line) throws UnparseableRowException {
    try {
      return csv.parseLine(line);
    } catch (IOException e) {
      throw new UnparseableRowException("Unable to parse row: " + e.getMessage());
    }
  }
}
