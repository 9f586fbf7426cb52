package dev.druidtasks.server.ingest;

import dev.druidtasks.server.ingest.spec.PathConfinement;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.task.DataSegment;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.Task;
import dev.druidtasks.server.task.TaskResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doc's submit sample against the doc's data gives the doc's report numbers. */
class WikipediaSampleTest {
  @TempDir
  Path tmp;

  @Test
  void docSubmitSampleIngestsTheWikipediaSample() throws Exception {
    String id = "index_parallel_wikipedia_auto_abcdefgh_2024-01-01T00:00:00.000Z";
    PathConfinement config = PathConfinement.under(DocSamples.repositoryRoot());
    Task task = Specs.read(DocSamples.submitRequest(id), config);
    assertThat(task.lockIntervals()).containsExactly(Interval.parse("2015-09-12/2015-09-13", '/'));

    InMemoryTaskExecution execution = new InMemoryTaskExecution(id, tmp);
    TaskResult result = task.run(execution);

    assertThat(result.succeeded()).as(String.valueOf(result.errorMsg())).isTrue();
    ObjectNode stats = execution.buildSegmentsStats();
    assertThat(stats.get("processed").asLong()).isEqualTo(39244);
    assertThat(stats.get("processedBytes").asLong()).isEqualTo(17106256);
    assertThat(stats.get("processedWithError").asLong()).isZero();
    assertThat(stats.get("thrownAway").asLong()).isZero();
    assertThat(stats.get("unparseable").asLong()).isZero();
    JsonNode docReport = DocSamples.load("doc-report-response.json").at("/ingestionStatsAndErrors/payload");
    ObjectNode payload = execution.lastReportPayload();
    assertThat(payload.get("rowStats").toString()).isEqualTo(docReport.get("rowStats").toString());
    docReport.fieldNames().forEachRemaining(k -> assertThat(payload.has(k)).as(k).isTrue());
    assertThat(execution.lastReport().at("/ingestionStatsAndErrors/type").asText()).isEqualTo("ingestionStatsAndErrors");
    assertThat(execution.lastReport().at("/ingestionStatsAndErrors/taskId").asText()).isEqualTo(id);
    assertThat(payload.get("ingestionState").asText()).isEqualTo("COMPLETED");
    assertThat(payload.get("errorMsg").isNull()).isTrue();
    assertThat(payload.get("segmentsPublished").asInt()).isEqualTo(1);
    assertThat(payload.get("recordsProcessed").isObject()).isTrue();
    assertThat(payload.get("recordsProcessed").size()).as("empty for batch tasks, as in Druid 33").isZero();
    assertThat(execution.lastReport().at("/taskContext/payload")).isEqualTo(task.payload().get("context"));
    assertThat(payload.get("unparseableEvents").size()).isZero();

    List<DataSegment> segments = result.segments();
    assertThat(segments).hasSize(1);
    DataSegment segment = segments.get(0);
    assertThat(segment.interval()).isEqualTo(Interval.parse("2015-09-12/2015-09-13", '/'));
    assertThat(segment.numRows()).isEqualTo(39244);
    assertThat(segment.dataSource()).isEqualTo("wikipedia_auto");
    assertThat(segment.version()).isEqualTo("2024-01-01T00:00:00.000Z");
    assertThat(segment.partitionNum()).isZero();
    assertThat(segment.dimensions()).contains("channel", "page", "user", "added", "delta", "isRobot")
        .doesNotContain("time", "__time");
    assertThat(segment.metrics()).isEmpty();
    Path dir = Path.of(segment.loadSpec().get("path").asText());
    assertThat(dir).isEqualTo(tmp.resolve("deep/wikipedia_auto/2015-09-12T00_00_00.000Z_2015-09-13T00_00_00.000Z"
        + "/2024-01-01T00_00_00.000Z/0").toAbsolutePath());
    assertThat(segment.size()).isEqualTo(Files.size(dir.resolve("rows.json.gz")));
    JsonNode meta = DocSamples.MAPPER.readTree(dir.resolve("meta.json").toFile());
    assertThat(meta.get("numRows").asLong()).isEqualTo(39244);
    assertThat(meta.get("identifier").asText()).isEqualTo(segment.id());

    List<JsonNode> rows = SegmentRows.read(segment);
    assertThat(rows).hasSize(39244);
    long previous = Long.MIN_VALUE;
    for (JsonNode r : rows) {
      assertThat(r.fieldNames().next()).isEqualTo("__time");
      long t = r.get("__time").asLong();
      assertThat(t).isGreaterThanOrEqualTo(previous);
      previous = t;
    }
    JsonNode first = rows.get(0);
    // schema discovery keeps the input's types
    assertThat(first.get("__time").asLong()).isEqualTo(1442016000000L + 46 * 60_000 + 58_771);
    assertThat(first.get("channel").asText()).isEqualTo("#en.wikipedia");
    assertThat(first.get("added").isNumber()).isTrue();
    assertThat(first.get("isRobot").isBoolean()).isTrue();
    assertThat(first.has("cityName")).isFalse();
    assertThat(execution.log).anyMatch(l -> l.contains("wikiticker-2015-09-12-sampled.json.gz"));
    assertThat(execution.log).anyMatch(l -> l.contains("Wrote segment"));
  }
}
