package dev.druidtasks.server.ingest.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a raw JSON array as the strings of a multi-value column. */
public final class JsonArrays {
  private final JsonFactory factory;

  public JsonArrays(JsonFactory factory) {
    this.factory = factory;
  }

  /**
   * The elements as strings: strings as they are, numbers and booleans as their text, nested values
   * as JSON text, nulls as null. Null when the bytes are not a JSON array.
   */
  public List<String> strings(byte[] b, int off, int len) {
    try (JsonParser p = factory.createParser(b, off, len)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        return null;
      }
      List<String> out = new ArrayList<>();
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
        switch (t) {
          case VALUE_NULL -> out.add(null);
          case START_ARRAY, START_OBJECT -> {
            int start = (int) p.currentTokenLocation().getByteOffset();
            p.skipChildren();
            int end = (int) p.currentLocation().getByteOffset();
            out.add(new String(b, off + start, end - start, StandardCharsets.UTF_8));
          }
          default -> out.add(p.getText());
        }
      }
      return out;
    } catch (IOException e) {
      return null;
    }
  }
}
