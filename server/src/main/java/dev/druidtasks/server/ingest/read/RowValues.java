package dev.druidtasks.server.ingest.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The column values of the row being read, by slot (see {@link Columns}). Reused for every row: JSON
 * values point into the line's bytes instead of being copied, so reading a row allocates little.
 */
public final class RowValues {
  private static final JsonFactory JSON = new JsonFactory();
  public static final byte NULL = 1;
  /** UTF-8 string content without escapes, at {@code [off, off+len)} of {@link #source()}. */
  public static final byte STRING_RAW = 2;
  /** A decoded string in {@link #text(int)}. */
  public static final byte TEXT = 3;
  /** A JSON number literal's bytes. */
  public static final byte NUMBER_RAW = 4;
  public static final byte TRUE = 5;
  public static final byte FALSE = 6;
  /** A JSON array's raw text. */
  public static final byte JSON_ARRAY = 7;
  /** A JSON object's raw text. */
  public static final byte JSON_OBJECT = 8;
  /** A list of strings in {@link #multi(int)} (delimited formats with a list delimiter). */
  public static final byte MULTI = 9;

  private byte[] source;
  /** A slot holds a value of this row when its stamp is the row's: nothing is cleared between rows. */
  private int stamp;
  private int[] stamps = new int[16];
  private byte[] kinds = new byte[16];
  private int[] offs = new int[16];
  private int[] lens = new int[16];
  /** A TEXT value's String or a MULTI value's list. */
  private Object[] values = new Object[16];

  /** Starts a new row whose raw values point into {@code source}. */
  void begin(byte[] source) {
    this.source = source;
    if (++stamp == Integer.MAX_VALUE) {
      Arrays.fill(stamps, 0);
      stamp = 1;
    }
  }

  public byte[] source() {
    return source;
  }

  void setKind(int slot, byte kind) {
    if (slot >= stamps.length) {
      int n = Math.max(slot + 1, stamps.length * 2);
      stamps = Arrays.copyOf(stamps, n);
      kinds = Arrays.copyOf(kinds, n);
      offs = Arrays.copyOf(offs, n);
      lens = Arrays.copyOf(lens, n);
      values = Arrays.copyOf(values, n);
    }
    stamps[slot] = stamp;
    kinds[slot] = kind;
  }

  void setRaw(int slot, byte kind, int off, int len) {
    setKind(slot, kind);
    offs[slot] = off;
    lens[slot] = len;
  }

  void setText(int slot, String text) {
    setKind(slot, text == null ? NULL : TEXT);
    values[slot] = text;
  }

  void setMulti(int slot, List<String> values) {
    setKind(slot, MULTI);
    this.values[slot] = values;
  }

  /** The kind of the slot's value in this row, or 0 when the row has no such column. */
  public byte kind(int slot) {
    return slot < stamps.length && stamps[slot] == stamp ? kinds[slot] : 0;
  }

  /** True when the row has a non-null value in the slot. */
  public boolean has(int slot) {
    return kind(slot) > NULL;
  }

  public int off(int slot) {
    return offs[slot];
  }

  public int len(int slot) {
    return lens[slot];
  }

  public String text(int slot) {
    return (String) values[slot];
  }

  @SuppressWarnings("unchecked")
  public List<String> multi(int slot) {
    return (List<String>) values[slot];
  }

  /** The value as one string (JSON text for arrays and objects); null when absent or null. */
  public String asString(int slot) {
    return switch (kind(slot)) {
      case STRING_RAW, JSON_ARRAY, JSON_OBJECT -> new String(source, offs[slot], lens[slot], StandardCharsets.UTF_8);
      case TEXT -> text(slot);
      case NUMBER_RAW -> NumberText.canonical(source, offs[slot], lens[slot]);
      case TRUE -> "true";
      case FALSE -> "false";
      case MULTI -> String.join(",", multi(slot));
      default -> null;
    };
  }

  /**
   * The value as text to read a number from, as Druid converts it: numbers as written, strings
   * trimmed, booleans as 1 and 0; null for values that cannot be numbers (arrays, objects, lists).
   */
  public String numberText(int slot) {
    return switch (kind(slot)) {
      case NUMBER_RAW -> NumberText.ascii(source, offs[slot], lens[slot]);
      case STRING_RAW, TEXT -> asString(slot).trim();
      case TRUE -> "1";
      case FALSE -> "0";
      default -> null;
    };
  }

  /** The value as a list of strings, as filters see it; empty when absent or null. */
  public List<String> asList(int slot) {
    byte k = kind(slot);
    if (k == 0 || k == NULL) {
      return List.of();
    }
    List<String> elements = k == MULTI ? multi(slot) : k == JSON_ARRAY ? arrayStrings(slot) : null;
    // a list that answers contains(null), as filters ask
    return elements != null ? elements : Collections.singletonList(asString(slot));
  }

  /**
   * A JSON array's elements as strings: strings as they are, numbers and booleans as their text,
   * nested values as JSON text, nulls as null. Null when the value is not a JSON array.
   */
  public List<String> arrayStrings(int slot) {
    int off = offs[slot];
    try (JsonParser p = JSON.createParser(source, off, lens[slot])) {
      if (kind(slot) != JSON_ARRAY || p.nextToken() != JsonToken.START_ARRAY) {
        return null;
      }
      List<String> out = new ArrayList<>();
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken()) {
        if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
          int start = (int) p.currentTokenLocation().getByteOffset();
          p.skipChildren();
          out.add(new String(source, off + start, (int) p.currentLocation().getByteOffset() - start, StandardCharsets.UTF_8));
        } else {
          out.add(t == JsonToken.VALUE_NULL ? null : p.getText());
        }
      }
      return out;
    } catch (IOException e) {
      return null;
    }
  }
}
