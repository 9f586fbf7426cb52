package dev.druidtasks.server.store;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.task.DataSegment;
import dev.druidtasks.server.task.Interval;
import java.util.List;

/**
 * The stored and served metadata of a published segment, in Druid's key order. It belongs with
 * {@link DataSegment} (one segment metadata shape); kept here until that type serialises itself.
 */
@JsonPropertyOrder({"dataSource", "interval", "version", "loadSpec", "dimensions", "metrics", "shardSpec",
    "binaryVersion", "size", "identifier", "partitionNum", "numRows"})
record SegmentJson(String dataSource, String interval, String version, ObjectNode loadSpec, String dimensions,
    String metrics, ObjectNode shardSpec, int binaryVersion, long size, String identifier, int partitionNum,
    long numRows) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static String write(DataSegment s) {
    try {
      return JSON.writeValueAsString(new SegmentJson(s.dataSource(), s.interval().toString(), s.version(),
          s.loadSpec(), String.join(",", s.dimensions()), String.join(",", s.metrics()), s.shardSpec(), 9, s.size(),
          s.id(), s.partitionNum(), s.numRows()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static DataSegment read(String text) {
    try {
      SegmentJson j = JSON.readValue(text, SegmentJson.class);
      return new DataSegment(j.dataSource, Interval.parse(j.interval, '/'), j.version, j.partitionNum, j.loadSpec,
          j.shardSpec, names(j.dimensions), names(j.metrics), j.size, j.numRows);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored segment is not JSON", e);
    }
  }

  private static List<String> names(String csv) {
    return csv == null || csv.isEmpty() ? List.of() : List.of(csv.split(","));
  }
}
