package dev.druidtasks.server.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.task.InvalidTaskException;
import dev.druidtasks.server.task.Task;
import dev.druidtasks.server.task.TaskTypeRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Payloads of seeded tasks, as the server stores them: each template of {@code seed/} is read once
 * per data source by the server's own task types (defaults filled, Druid's key order), and only the
 * id and the day it covers are written in per task, which keeps a million payloads cheap.
 */
final class SeedPayloads {
  private static final String ID = "@ID@";
  /** The templates' day and the next; a task's own replace them, in intervals and in rows alike. */
  private static final String DAY = "1970-01-02T";
  private static final String NEXT_DAY = "1970-01-03T";
  /** Rows of inline input in an ingestion payload: with the spec and its defaults about 4.5 KB, a real spec's few KB. */
  private static final int INLINE_ROWS = 2;

  /** A type's payload for one data source, and the lock priority the server gives it. */
  record Template(String type, String dataSource, int priority, String payload) {
    String payloadFor(String id, LocalDate day) {
      return payload.replace(ID, id).replace(DAY, day + "T").replace(NEXT_DAY, day.plusDays(1) + "T");
    }
  }

  private final ObjectMapper json;
  private final TaskTypeRegistry registry;
  private final Map<String, Template> templates = new ConcurrentHashMap<>();

  SeedPayloads(ObjectMapper json, TaskTypeRegistry registry) {
    this.json = json;
    this.registry = registry;
  }

  Template of(String type, SeedDataSource dataSource) {
    return templates.computeIfAbsent(type + "\n" + dataSource.name(), k -> build(type, dataSource));
  }

  private Template build(String type, SeedDataSource ds) {
    String text = resource(type).replace("@DATASOURCE@", ds.name());
    try {
      text = text.replace("@DIMENSIONS@", json.writeValueAsString(ds.dimensions()))
          .replace("@DATA@", json.writeValueAsString(inlineRows(ds)));
      Task task = registry.read((ObjectNode) json.readTree(text));
      return new Template(type, task.dataSource(), task.priority(), json.writeValueAsString(task.payload()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("seed template of " + type + " is not JSON", e);
    } catch (InvalidTaskException e) {
      throw new IllegalStateException("seed template of " + type + " is refused: " + e.getMessage(), e);
    }
  }

  /** A few JSON rows of the data source's dimensions within the template's day, as inline input. */
  private String inlineRows(SeedDataSource ds) throws JsonProcessingException {
    List<String> rows = new ArrayList<>();
    for (int r = 0; r < INLINE_ROWS; r++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("timestamp", String.format("%s%02d:%02d:00.000Z", DAY, r * 3, r * 7 % 60));
      for (int d = 0; d < ds.dimensions().size(); d++) {
        String dim = ds.dimensions().get(d);
        row.put(dim, dim + "-" + ((r * 31 + d * 17) % 97));
      }
      row.put("bytes", 512 + r * 1019);
      row.put("latency_ms", 3.5 + r * 1.25);
      rows.add(json.writeValueAsString(row));
    }
    return String.join("\n", rows);
  }

  private static String resource(String type) {
    try (InputStream in = SeedPayloads.class.getResourceAsStream("/seed/" + type + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no seed template for task type [" + type + "]");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
