package dev.druidtasks.server.ingest.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * One JSON object per line (Druid's {@code json} format in batch ingestion). Uses Jackson's streaming
 * parser and keeps only the top-level fields that have a slot, as byte ranges of the line.
 */
public final class JsonRowReader implements RowReader {
  private final JsonFactory factory;
  private final Columns columns;
  /**
   * The slot of the i-th field of the previous row, by name instance: Jackson hands out the same
   * String for a name every time, and rows usually list their fields in the same order.
   */
  private String[] lastNames = new String[32];
  private int[] lastSlots = new int[32];

  public JsonRowReader(JsonFactory factory, Columns columns) {
    this.factory = factory;
    this.columns = columns;
  }

  @Override
  public boolean read(byte[] b, int off, int len, RowValues row) throws UnparseableRowException {
    if (isBlank(b, off, len)) {
      return false;
    }
    row.begin(b);
    try (JsonParser p = factory.createParser(b, off, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new UnparseableRowException("Unable to parse row: expected a JSON object");
      }
      JsonToken t;
      int field = 0;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        int slot = slotOf(p.currentName(), field++);
        t = p.nextToken();
        if (slot < 0) {
          p.skipChildren();
          continue;
        }
        switch (t) {
          case VALUE_STRING -> {
            int start = off + (int) p.currentTokenLocation().getByteOffset();
            p.finishToken();
            int end = off + (int) p.currentLocation().getByteOffset();
            // start and end are the quotes; without escapes the bytes are the value itself
            if (hasBackslash(b, start + 1, end - 1)) {
              row.setText(slot, p.getText());
            } else {
              row.setRaw(slot, RowValues.STRING_RAW, start + 1, end - start - 2);
            }
          }
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
            int start = off + (int) p.currentTokenLocation().getByteOffset();
            int end = off + (int) p.currentLocation().getByteOffset();
            row.setRaw(slot, RowValues.NUMBER_RAW, start, end - start);
          }
          case VALUE_TRUE -> row.setKind(slot, RowValues.TRUE);
          case VALUE_FALSE -> row.setKind(slot, RowValues.FALSE);
          case VALUE_NULL -> row.setKind(slot, RowValues.NULL);
          case START_ARRAY, START_OBJECT -> {
            int start = off + (int) p.currentTokenLocation().getByteOffset();
            p.skipChildren();
            int end = off + (int) p.currentLocation().getByteOffset();
            row.setRaw(slot, t == JsonToken.START_ARRAY ? RowValues.JSON_ARRAY : RowValues.JSON_OBJECT, start, end - start);
          }
          default -> throw new UnparseableRowException("Unable to parse row: unexpected token " + t);
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw new UnparseableRowException("Unable to parse row: unexpected token " + t);
      }
      if (p.nextToken() != null) {
        throw new UnparseableRowException("Unable to parse row: content after the JSON object");
      }
      return true;
    } catch (JsonProcessingException e) {
      throw new UnparseableRowException("Unable to parse row: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UnparseableRowException("Unable to parse row: " + e.getMessage());
    }
  }

  private int slotOf(String name, int field) {
    if (field < lastNames.length && lastNames[field] == name) {
      return lastSlots[field];
    }
    int slot = columns.slotFor(name);
    if (field >= lastNames.length) {
      lastNames = java.util.Arrays.copyOf(lastNames, Math.max(field + 1, lastNames.length * 2));
      lastSlots = java.util.Arrays.copyOf(lastSlots, lastNames.length);
    }
    lastNames[field] = name;
    lastSlots[field] = slot;
    return slot;
  }

  private static boolean hasBackslash(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '\\') {
        return true;
      }
    }
    return false;
  }

  private static boolean isBlank(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      byte c = b[i];
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }
}
