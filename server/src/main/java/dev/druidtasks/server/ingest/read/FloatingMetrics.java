package dev.druidtasks.server.ingest.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.druidtasks.server.task.DataSegment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Which metric columns of published segments hold floating-point values. A segment's metadata names its
 * metrics but not their aggregators; a row file writes a double metric with a fraction or exponent
 * ({@code 2.0}) and a long one without, so the first value of each metric tells.
 */
public final class FloatingMetrics {
  private FloatingMetrics() {}

  public static Set<String> of(List<DataSegment> segments, Collection<String> metrics) throws IOException {
    Set<String> pending = new HashSet<>(metrics);
    Set<String> floating = new HashSet<>();
    JsonFactory json = new JsonFactory();
    for (DataSegment segment : segments) {
      if (pending.isEmpty()) {
        break;
      }
      try (InputStream in = new GZIPInputStream(Files.newInputStream(segment.rowsFile()));
          JsonParser p = json.createParser(in)) {
        while (!pending.isEmpty() && p.nextToken() == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value.isNumeric() && pending.remove(name) && value == JsonToken.VALUE_NUMBER_FLOAT) {
              floating.add(name);
            }
            p.skipChildren();
          }
        }
      }
    }
    return floating;
  }
}
