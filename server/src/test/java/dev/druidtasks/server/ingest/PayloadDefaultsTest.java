package dev.druidtasks.server.ingest;

import dev.druidtasks.server.ingest.spec.PathConfinement;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.task.Task;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored payload gets Druid's defaults, shaped like the doc's {@code GET /task/{id}} sample. */
class PayloadDefaultsTest {
  private final PathConfinement config = PathConfinement.under(DocSamples.repositoryRoot());

  @Test
  void submitSampleGetsTheFieldsOfThePayloadSample() throws Exception {
    ObjectNode expected = (ObjectNode) DocSamples.load("doc-task-payload-response.json").get("payload");
    Task task = Specs.read(DocSamples.submitRequest("index_parallel_wikipedia_auto_abcdefgh_2024-01-01T00:00:00.000Z"), config);

    List<String> differences = new ArrayList<>();
    compareKeys("", expected, task.payload(), differences);
    assertThat(differences).isEmpty();
    assertThat(fieldNames(task.payload())).containsExactlyElementsOf(fieldNames(expected));
  }

  @Test
  void submitSampleValuesAreFilledAsDruidDoes() throws Exception {
    String id = "index_parallel_wikipedia_auto_abcdefgh_2024-01-01T00:00:00.000Z";
    Task task = Specs.read(DocSamples.submitRequest(id), config);
    JsonNode p = task.payload();

    assertThat(task.id()).isEqualTo(id);
    assertThat(task.groupId()).isEqualTo(id);
    assertThat(task.type()).isEqualTo("index_parallel");
    assertThat(task.dataSource()).isEqualTo("wikipedia_auto");
    assertThat(p.get("dataSource").asText()).isEqualTo("wikipedia_auto");
    assertThat(p.at("/resource/availabilityGroup").asText()).isEqualTo(id);
    assertThat(p.at("/resource/requiredCapacity").asInt()).isEqualTo(1);
    assertThat(p.at("/context/forceTimeChunkLock").asBoolean()).isTrue();
    assertThat(p.at("/context/useLineageBasedSegmentAllocation").asBoolean()).isTrue();

    JsonNode schema = p.at("/spec/dataSchema");
    assertThat(schema.at("/timestampSpec").toString())
        .isEqualTo("{\"column\":\"time\",\"format\":\"iso\",\"missingValue\":null}");
    assertThat(schema.at("/dimensionsSpec").toString()).isEqualTo("{\"dimensions\":[],\"dimensionExclusions\":"
        + "[\"__time\",\"time\"],\"includeAllDimensions\":false,\"useSchemaDiscovery\":true}");
    assertThat(schema.at("/granularitySpec").toString()).isEqualTo("{\"type\":\"uniform\",\"segmentGranularity\":\"DAY\","
        + "\"queryGranularity\":{\"type\":\"none\"},\"rollup\":false,"
        + "\"intervals\":[\"2015-09-12T00:00:00.000Z/2015-09-13T00:00:00.000Z\"]}");
    assertThat(schema.at("/transformSpec").toString()).isEqualTo("{\"filter\":null,\"transforms\":[]}");
    assertThat(p.at("/spec/ioConfig").toString()).isEqualTo("{\"type\":\"index_parallel\",\"inputSource\":"
        + "{\"type\":\"local\",\"baseDir\":\"quickstart/tutorial\",\"filter\":\"wikiticker-2015-09-12-sampled.json.gz\"},"
        + "\"inputFormat\":{\"type\":\"json\",\"keepNullColumns\":false,\"assumeNewlineDelimited\":false,"
        + "\"useJsonNodeReader\":false},\"appendToExisting\":false,\"dropExisting\":false}");
    ObjectNode expectedTuning = (ObjectNode) DocSamples.load("doc-task-payload-response.json")
        .at("/payload/spec/tuningConfig");
    assertThat(p.at("/spec/tuningConfig")).isEqualTo(expectedTuning);
  }

  @Test
  void thePayloadSampleReadsBackUnchanged() throws Exception {
    ObjectNode expected = (ObjectNode) DocSamples.load("doc-task-payload-response.json").get("payload");
    Task task = Specs.read(expected.deepCopy(), config);

    assertThat(task.payload()).isEqualTo(expected);
    assertThat(task.payload().toString()).isEqualTo(expected.toString());
    assertThat(task.dataSource()).isEqualTo("wikipedia_short");
  }

  @Test
  void indexTaskGetsItsOwnTuningDefaults() throws Exception {
    ObjectNode submit = DocSamples.submitRequest("index_wiki");
    submit.put("type", "index");
    ((ObjectNode) submit.at("/spec/ioConfig")).put("type", "index");
    ((ObjectNode) submit.at("/spec/tuningConfig")).remove("type");
    Task task = Specs.read(submit, config);

    JsonNode tuning = task.payload().at("/spec/tuningConfig");
    assertThat(tuning.get("type").asText()).isEqualTo("index");
    assertThat(tuning.get("maxRowsInMemory").asLong()).isEqualTo(25000);
    assertThat(tuning.has("maxNumConcurrentSubTasks")).isFalse();
    assertThat(tuning.has("splitHintSpec")).isFalse();
    assertThat(tuning.get("maxParseExceptions").asLong()).isEqualTo(Integer.MAX_VALUE);
    assertThat(tuning.at("/partitionsSpec/maxRowsPerSegment").asLong()).isEqualTo(5_000_000);
    assertThat(task.type()).isEqualTo("index");
  }

  @Test
  void absentTuningConfigGetsDruidsBatchDefaults() throws Exception {
    ObjectNode submit = DocSamples.submitRequest("t1");
    ((ObjectNode) submit.get("spec")).remove("tuningConfig");
    JsonNode tuning = Specs.read(submit, config).payload().at("/spec/tuningConfig");

    assertThat(tuning.get("type").asText()).isEqualTo("index_parallel");
    assertThat(tuning.get("maxRowsInMemory").asLong()).isEqualTo(1_000_000);
    assertThat(tuning.get("maxRowsPerSegment").isNull()).isTrue();
    assertThat(tuning.get("partitionsSpec").isNull()).isTrue();
    assertThat(tuning.get("maxSavedParseExceptions").asInt()).isZero();
  }

  @Test
  void unknownFieldsAreKept() throws Exception {
    ObjectNode submit = DocSamples.submitRequest("t2");
    submit.put("extraTop", 1);
    ((ObjectNode) submit.at("/spec/dataSchema")).put("extraSchema", "x");
    ((ObjectNode) submit.at("/spec/tuningConfig")).put("extraTuning", true);
    JsonNode p = Specs.read(submit, config).payload();

    assertThat(p.get("extraTop").asInt()).isEqualTo(1);
    assertThat(p.at("/spec/dataSchema/extraSchema").asText()).isEqualTo("x");
    assertThat(p.at("/spec/tuningConfig/extraTuning").asBoolean()).isTrue();
  }

  @Test
  void theTopLevelDataSourceIsTheDataSchemas() throws Exception {
    ObjectNode submit = DocSamples.submitRequest("t3");
    submit.put("dataSource", "elsewhere");
    assertThat(Specs.read(submit, config).dataSource()).isEqualTo("wikipedia_auto");
    assertThat(Specs.read(submit, config).payload().get("dataSource").asText()).isEqualTo("wikipedia_auto");
  }

  /** Objects must have the same keys; arrays are compared by their first elements when both have one. */
  private static void compareKeys(String path, JsonNode expected, JsonNode actual, List<String> differences) {
    if (expected.isObject()) {
      if (!actual.isObject()) {
        differences.add(path + ": expected an object, got " + actual);
        return;
      }
      List<String> e = fieldNames(expected);
      List<String> a = fieldNames(actual);
      if (!e.equals(a)) {
        differences.add(path + ": keys " + a + " instead of " + e);
      }
      for (String k : e) {
        if (actual.has(k)) {
          compareKeys(path + "/" + k, expected.get(k), actual.get(k), differences);
        }
      }
    } else if (expected.isArray() && actual.isArray() && expected.size() > 0 && actual.size() > 0) {
      compareKeys(path + "[0]", expected.get(0), actual.get(0), differences);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
