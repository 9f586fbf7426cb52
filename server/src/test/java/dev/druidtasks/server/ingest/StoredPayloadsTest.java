package dev.druidtasks.server.ingest;

import dev.druidtasks.server.ingest.spec.PathConfinement;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.task.TaskTypeRegistry;
import dev.druidtasks.server.task.noop.NoopTaskType;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stored payload (what {@code GET /task/{id}} serves) of each sample in {@code stored/inputs.json},
 * against {@code stored/<name>.json} as this server stored it before tasks were bound as types:
 * byte for byte for the doc's samples, as JSON (key order aside) for the others.
 */
class StoredPayloadsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> BYTE_EXACT = List.of("doc-submit-request", "doc-task-payload",
      "doc-submit-request-as-index", "doc-submit-request-without-tuning", "index-parallel-inline-sample",
      "noop-sample", "noop-minimal", "years", "local-files");

  @Test
  void storedPayloadsAreUnchanged() throws Exception {
    PathConfinement config = PathConfinement.under(DocSamples.repositoryRoot());
    TaskTypeRegistry registry = new TaskTypeRegistry(Clock.systemUTC(), new NoopTaskType(),
        new IndexTaskType("index_parallel", config), new IndexTaskType("index", config));
    ObjectNode inputs = (ObjectNode) JSON.readTree(resource("inputs.json"));
    for (Iterator<Map.Entry<String, JsonNode>> it = inputs.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> sample = it.next();
      String stored = JSON.writeValueAsString(registry.read((ObjectNode) sample.getValue()).payload());
      String expected = resource(sample.getKey() + ".json");
      if (BYTE_EXACT.contains(sample.getKey())) {
        assertThat(stored).as(sample.getKey()).isEqualTo(expected);
      } else {
        assertThat(JSON.readTree(stored)).as(sample.getKey()).isEqualTo(JSON.readTree(expected));
      }
      assertThat(JSON.writeValueAsString(registry.read(stored).payload())).as(sample.getKey() + " read back")
          .isEqualTo(stored);
    }
  }

  private static String resource(String name) throws Exception {
    try (InputStream in = StoredPayloadsTest.class.getResourceAsStream("stored/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
