package dev.druidtasks.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollupTest {
  private static final String METRICS = """
      [{"type":"count","name":"count"},
       {"type":"longSum","name":"sum_l","fieldName":"l"},
       {"type":"doubleSum","name":"sum_d","fieldName":"d"},
       {"type":"longMin","name":"min_l","fieldName":"l"},
       {"type":"longMax","name":"max_l","fieldName":"l"},
       {"type":"doubleMin","name":"min_d","fieldName":"d"},
       {"type":"doubleMax","name":"max_d","fieldName":"d"}]""";

  private static final String DATA = """
      {"ts":"2024-01-01T10:05:00Z","page":"a","l":3,"d":1.5}
      {"ts":"2024-01-01T10:55:00Z","page":"a","l":-2,"d":"4.25"}
      {"ts":"2024-01-01T10:10:00Z","page":"b","l":7,"d":0.5}
      {"ts":"2024-01-01T11:00:00Z","page":"a","l":1,"d":2}
      {"ts":"2024-01-01T10:30:00Z","page":"a","l":"10","d":-1}
      {"ts":"2024-01-01T10:31:00Z","page":"a"}
      """;

  @TempDir
  Path tmp;

  private ObjectNode spec(String data) {
    ObjectNode spec = Specs.inline(data);
    Specs.set(spec, "/spec/dataSchema/dimensionsSpec", "{\"dimensions\":[\"page\"]}");
    Specs.set(spec, "/spec/dataSchema/metricsSpec", METRICS);
    Specs.set(spec, "/spec/dataSchema/granularitySpec",
        "{\"segmentGranularity\":\"DAY\",\"queryGranularity\":\"HOUR\",\"rollup\":true}");
    return spec;
  }

  @Test
  void everyAggregatorRollsUpByHourAndDimensions() throws Exception {
    var out = Specs.run(tmp, spec(DATA));

    assertThat(out.stat("processed")).isEqualTo(6);
    List<JsonNode> rows = out.rows();
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).toString()).isEqualTo("{\"__time\":1704103200000,\"page\":\"a\",\"count\":4,\"sum_l\":11,"
        + "\"sum_d\":4.75,\"min_l\":-2,\"max_l\":10,\"min_d\":-1.0,\"max_d\":4.25}");
    assertThat(rows.get(1).toString()).isEqualTo("{\"__time\":1704103200000,\"page\":\"b\",\"count\":1,\"sum_l\":7,"
        + "\"sum_d\":0.5,\"min_l\":7,\"max_l\":7,\"min_d\":0.5,\"max_d\":0.5}");
    assertThat(rows.get(2).get("__time").asLong()).isEqualTo(1704106800000L);
    assertThat(rows.get(2).get("count").asLong()).isEqualTo(1);
    assertThat(out.segments().get(0).numRows()).isEqualTo(3);
    assertThat(out.segments().get(0).metrics())
        .containsExactly("count", "sum_l", "sum_d", "min_l", "max_l", "min_d", "max_d");
    assertThat(out.task().payload().at("/spec/dataSchema/dimensionsSpec/dimensionExclusions").toString())
        .isEqualTo("[\"__time\",\"count\",\"d\",\"l\",\"max_d\",\"max_l\",\"min_d\",\"min_l\",\"sum_d\",\"sum_l\",\"ts\"]");
  }

  @Test
  void spillingToDiskGivesTheSameRollup() throws Exception {
    StringBuilder data = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      data.append("{\"ts\":\"2024-01-01T").append(String.format("%02d", i % 24)).append(":00:00Z\",\"page\":\"p")
          .append(i % 7).append("\",\"l\":").append(i).append(",\"d\":0.5}\n");
    }
    ObjectNode inMemory = spec(data.toString());
    ObjectNode spilled = spec(data.toString());
    Specs.set(spilled, "/spec/tuningConfig/maxRowsInMemory", "10");
    var a = Specs.run(tmp.resolve("a"), inMemory);
    var b = Specs.run(tmp.resolve("b"), spilled);

    assertThat(b.execution().log).anyMatch(l -> l.contains("Persisted 10 rows held in memory"));
    assertThat(b.rows()).hasSize(24 * 7).isEqualTo(a.rows());
    long total = b.rows().stream().mapToLong(r -> r.get("count").asLong()).sum();
    assertThat(total).isEqualTo(2000);
    assertThat(b.rows().stream().mapToLong(r -> r.get("sum_l").asLong()).sum()).isEqualTo(1999L * 2000 / 2);
  }

  @Test
  void rollupIsOnByDefaultAndMergesIdenticalRows() throws Exception {
    ObjectNode spec = Specs.inline("""
        {"ts":"2024-01-01T00:00:00Z","page":"a","tags":["y","x"]}
        {"ts":"2024-01-01T00:00:00Z","page":"a","tags":["x","y"]}
        {"ts":"2024-01-01T00:00:00Z","page":"a","tags":"x"}
        """);
    Specs.remove(spec, "/spec/dataSchema/granularitySpec/rollup");
    Specs.set(spec, "/spec/dataSchema/metricsSpec", "[{\"type\":\"count\",\"name\":\"rows\"}]");
    var out = Specs.run(tmp, spec);

    assertThat(out.task().payload().at("/spec/dataSchema/granularitySpec/rollup").asBoolean()).isTrue();
    assertThat(out.rows()).extracting(JsonNode::toString).containsExactly(
        "{\"__time\":1704067200000,\"page\":\"a\",\"tags\":\"x\",\"rows\":1}",
        "{\"__time\":1704067200000,\"page\":\"a\",\"tags\":[\"x\",\"y\"],\"rows\":2}");
  }

  @Test
  void metricsWithoutRollupAreComputedPerRow() throws Exception {
    ObjectNode spec = spec(DATA);
    Specs.set(spec, "/spec/dataSchema/granularitySpec/rollup", "false");
    var out = Specs.run(tmp, spec);

    List<JsonNode> rows = out.rows();
    assertThat(rows).hasSize(6);
    assertThat(rows.get(0).toString()).isEqualTo("{\"__time\":1704103200000,\"page\":\"a\",\"count\":1,\"sum_l\":3,"
        + "\"sum_d\":1.5,\"min_l\":3,\"max_l\":3,\"min_d\":1.5,\"max_d\":1.5}");
    JsonNode noValues = rows.stream().filter(r -> r.get("sum_l").isNull()).findFirst().orElseThrow();
    assertThat(noValues.get("count").asLong()).isEqualTo(1);
    assertThat(noValues.get("max_d").isNull()).isTrue();
  }

  @Test
  void nonNumericMetricInputIsAProcessedWithError() throws Exception {
    ObjectNode spec = spec("""
        {"ts":"2024-01-01T10:05:00Z","page":"a","l":"lots","d":1}
        """);
    Specs.set(spec, "/spec/tuningConfig/maxSavedParseExceptions", "1");
    var out = Specs.run(tmp, spec);

    assertThat(out.stat("processed")).isZero();
    assertThat(out.stat("processedWithError")).isEqualTo(1);
    assertThat(out.rows().get(0).get("count").asLong()).isEqualTo(1);
    assertThat(out.rows().get(0).get("sum_l").isNull()).isTrue();
    assertThat(out.report().at("/unparseableEvents/buildSegments/0/details").asText())
        .contains("Unable to parse value[lots] for field[l]");
  }
}
