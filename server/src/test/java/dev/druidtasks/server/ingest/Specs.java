package dev.druidtasks.server.ingest;

import dev.druidtasks.server.ingest.spec.PathConfinement;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.task.DataSegment;
import dev.druidtasks.server.task.InvalidTaskException;
import dev.druidtasks.server.task.Task;
import dev.druidtasks.server.task.TaskResult;
import dev.druidtasks.server.task.TaskTypeRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Small ingestion specs for tests, edited by JSON pointer, and a way to run them. */
final class Specs {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Specs() {}

  /** Inline JSON rows with a {@code ts} ISO timestamp, DAY segments, no rollup, schema-less string dimensions. */
  static ObjectNode inline(String data) {
    ObjectNode spec = parse("""
        {"type": "index_parallel", "id": "task_1",
         "spec": {
           "dataSchema": {"dataSource": "ds",
             "timestampSpec": {"column": "ts", "format": "iso"},
             "dimensionsSpec": {"dimensions": []},
             "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "none", "rollup": false}},
           "ioConfig": {"type": "index_parallel", "inputSource": {"type": "inline", "data": ""}, "inputFormat": {"type": "json"}},
           "tuningConfig": {"type": "index_parallel"}}}""");
    ((ObjectNode) spec.at("/spec/ioConfig/inputSource")).put("data", data);
    return spec;
  }

  /** The same, reading files under {@code baseDir} matching {@code filter}. */
  static ObjectNode local(String baseDir, String filter) {
    ObjectNode spec = inline("");
    ObjectNode source = ((ObjectNode) spec.at("/spec/ioConfig")).putObject("inputSource");
    source.put("type", "local").put("baseDir", baseDir).put("filter", filter);
    return spec;
  }

  static ObjectNode parse(String json) {
    try {
      return (ObjectNode) MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Sets the field a pointer names (e.g. {@code /spec/dataSchema/metricsSpec}) to parsed JSON. */
  static ObjectNode set(ObjectNode root, String pointer, String json) {
    int at = pointer.lastIndexOf('/');
    JsonNode parent = root.at(pointer.substring(0, at));
    try {
      ((ObjectNode) parent).set(pointer.substring(at + 1), MAPPER.readTree(json));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
    return root;
  }

  static ObjectNode remove(ObjectNode root, String pointer) {
    int at = pointer.lastIndexOf('/');
    ((ObjectNode) root.at(pointer.substring(0, at))).remove(pointer.substring(at + 1));
    return root;
  }

  /** Reads an {@code index_parallel} or {@code index} payload as a submission does. */
  static Task read(ObjectNode payload, PathConfinement config) throws InvalidTaskException {
    return registry(config).read(payload);
  }

  static TaskTypeRegistry registry(PathConfinement config) {
    return new TaskTypeRegistry(Clock.systemUTC(), new IndexTaskType("index_parallel", config),
        new IndexTaskType("index", config));
  }

  static Outcome run(Path tmp, ObjectNode payload) throws Exception {
    return run(tmp, payload, PathConfinement.under(tmp), new InMemoryTaskExecution("task_1", tmp.resolve("engine")));
  }

  static Outcome run(Path tmp, ObjectNode payload, PathConfinement config, InMemoryTaskExecution execution)
      throws Exception {
    Task task = read(payload, config);
    TaskResult result = task.run(execution);
    return new Outcome(task, result, execution);
  }

  record Outcome(Task task, TaskResult result, InMemoryTaskExecution execution) {
    long stat(String name) {
      return execution.buildSegmentsStats().get(name).asLong();
    }

    JsonNode report() {
      return execution.lastReportPayload();
    }

    List<DataSegment> segments() {
      return result.segments();
    }

    List<JsonNode> rows() throws Exception {
      return SegmentRows.readAll(result.segments());
    }
  }
}
