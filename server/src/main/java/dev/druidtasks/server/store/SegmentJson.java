package dev.druidtasks.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.druidtasks.server.task.DataSegment;

/** A published segment's stored metadata: {@link DataSegment}'s own JSON, the shape it is served in. */
final class SegmentJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SegmentJson() {}

  static String write(DataSegment s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static DataSegment read(String text) {
    try {
      return JSON.readValue(text, DataSegment.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored segment is not JSON", e);
    }
  }
}
