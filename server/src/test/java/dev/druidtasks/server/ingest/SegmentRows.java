package dev.druidtasks.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.druidtasks.server.task.DataSegment;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads written segments back, for assertions. */
final class SegmentRows {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SegmentRows() {}

  static List<JsonNode> read(DataSegment segment) throws Exception {
    return read(Path.of(segment.loadSpec().get("path").asText()));
  }

  static List<JsonNode> read(Path segmentDir) throws Exception {
    List<JsonNode> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(segmentDir.resolve("rows.json.gz"))), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        rows.add(MAPPER.readTree(line));
      }
    }
    return rows;
  }

  static List<JsonNode> readAll(List<DataSegment> segments) throws Exception {
    List<JsonNode> rows = new ArrayList<>();
    for (DataSegment s : segments) {
      rows.addAll(read(s));
    }
    return rows;
  }
}
