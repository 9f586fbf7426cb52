package dev.druidtasks.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseErrorsTest {
  private static final String DATA = """
      {"ts":"2024-01-01T00:00:00Z","x":"1","n":"1"}
      not json at all
      {"ts":"2024-01-01T00:00:01Z","x":"2","n":"2"}
      {"ts":"someday","x":"3"}
      {"ts":"2024-01-01T00:00:02Z","x":"4","n":"four"}
      [1,2,3]
      {"ts":"2024-01-01T00:00:03Z","x":"5","n":"5"} trailing
      {"ts":"2024-01-01T00:00:04Z","x":"6","n":"6"}
      """;

  @TempDir
  Path tmp;

  private ObjectNode spec(String tuning) {
    ObjectNode spec = Specs.inline(DATA);
    Specs.set(spec, "/spec/dataSchema/dimensionsSpec", "{\"dimensions\":[\"x\",{\"type\":\"long\",\"name\":\"n\"}]}");
    Specs.set(spec, "/spec/tuningConfig", tuning);
    return spec;
  }

  @Test
  void errorsAreCountedAndTheRestIngested() throws Exception {
    var out = Specs.run(tmp, spec("{}"));

    assertThat(out.result().succeeded()).isTrue();
    assertThat(out.stat("processed")).isEqualTo(3);
    assertThat(out.stat("unparseable")).isEqualTo(4);
    assertThat(out.stat("processedWithError")).isEqualTo(1);
    assertThat(out.stat("thrownAway")).isZero();
    assertThat(out.report().get("unparseableEvents").size()).isZero();
    // a value that does not fit a long dimension is dropped, the row kept
    JsonNode withError = out.rows().get(2);
    assertThat(withError.toString()).isEqualTo("{\"__time\":1704067202000,\"x\":\"4\"}");
    assertThat(out.rows()).hasSize(4);
  }

  @Test
  void zeroMaxParseExceptionsFailsOnTheFirst() throws Exception {
    var out = Specs.run(tmp, spec("{\"maxParseExceptions\":0}"));

    assertThat(out.result().succeeded()).isFalse();
    assertThat(out.result().errorMsg()).isEqualTo("Max parse exceptions[0] exceeded");
    assertThat(out.report().get("errorMsg").asText()).isEqualTo("Max parse exceptions[0] exceeded");
    assertThat(out.report().get("ingestionState").asText()).isEqualTo("BUILD_SEGMENTS");
    assertThat(out.stat("unparseable")).isEqualTo(1);
    assertThat(out.stat("processed")).isEqualTo(1);
    assertThat(out.result().segments()).isEmpty();
    try (Stream<Path> files = Files.walk(tmp.resolve("engine/deep"))) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void maxParseExceptionsAllowsThatMany() throws Exception {
    var ok = Specs.run(tmp.resolve("ok"), spec("{\"maxParseExceptions\":5}"));
    var failed = Specs.run(tmp.resolve("failed"), spec("{\"maxParseExceptions\":4}"));

    assertThat(ok.result().succeeded()).isTrue();
    assertThat(failed.result().succeeded()).isFalse();
    assertThat(failed.result().errorMsg()).isEqualTo("Max parse exceptions[4] exceeded");
    assertThat(failed.stat("unparseable") + failed.stat("processedWithError")).isEqualTo(5);
  }

  @Test
  void reportParseExceptionsMeansFailOnFirst() throws Exception {
    var out = Specs.run(tmp, spec("{\"reportParseExceptions\":true,\"maxSavedParseExceptions\":10}"));

    assertThat(out.result().errorMsg()).isEqualTo("Max parse exceptions[0] exceeded");
    assertThat(out.task().payload().at("/spec/tuningConfig/maxParseExceptions").asInt()).isZero();
    assertThat(out.task().payload().at("/spec/tuningConfig/maxSavedParseExceptions").asInt()).isEqualTo(1);
    assertThat(out.report().at("/unparseableEvents/buildSegments").size()).isEqualTo(1);
  }

  @Test
  void savedParseExceptionsKeepTheLatestNewestFirst() throws Exception {
    var out = Specs.run(tmp, spec("{\"maxSavedParseExceptions\":3,\"logParseExceptions\":true}"));

    JsonNode saved = out.report().at("/unparseableEvents/buildSegments");
    assertThat(saved.size()).isEqualTo(3);
    assertThat(saved.get(0).get("input").asText()).isEqualTo("{\"ts\":\"2024-01-01T00:00:03Z\",\"x\":\"5\",\"n\":\"5\"} trailing");
    assertThat(saved.get(0).get("errorType").asText()).isEqualTo("unparseable");
    assertThat(saved.get(0).get("details").asText()).contains("Line: 7").contains("Record: 7").contains("Path: inline data");
    assertThat(saved.get(0).get("timestamp").asText()).endsWith("Z");
    assertThat(saved.get(1).get("input").asText()).isEqualTo("[1,2,3]");
    assertThat(saved.get(2).get("errorType").asText()).isEqualTo("processedWithError");
    assertThat(saved.get(2).get("details").asText())
        .contains("could not convert value [four] to long for dimension [n]").contains("Line: 5");
    assertThat(out.execution().log).anyMatch(l -> l.startsWith("WARN Timestamp[someday] is unparseable!")
        && l.contains("Line: 4"));
    assertThat(out.execution().log.stream().filter(l -> l.startsWith("WARN "))).hasSize(5);
  }

  @Test
  void reportMovesThroughItsStates() throws Exception {
    var out = Specs.run(tmp, spec("{}"));

    var states = out.execution().reports.stream()
        .map(r -> r.at("/ingestionStatsAndErrors/payload/ingestionState").asText()).distinct().toList();
    assertThat(states).containsExactly("NOT_STARTED", "BUILD_SEGMENTS", "COMPLETED");
    JsonNode report = out.execution().lastReport().get("ingestionStatsAndErrors");
    assertThat(report.get("type").asText()).isEqualTo("ingestionStatsAndErrors");
    assertThat(report.get("taskId").asText()).isEqualTo("task_1");
    assertThat(report.at("/payload/segmentsPublished").asInt()).isEqualTo(1);
    assertThat(report.get("payload").has("segmentsRead")).as("Druid 33's batch report has none").isFalse();
    assertThat(report.at("/payload/recordsProcessed").isObject()).isTrue();
    JsonNode context = out.execution().lastReport().get("taskContext");
    assertThat(context.get("type").asText()).isEqualTo("taskContext");
    assertThat(context.get("taskId").asText()).isEqualTo("task_1");
    assertThat(context.get("payload").isObject()).isTrue();
    assertThat(report.at("/payload/segmentAvailabilityConfirmed").asBoolean()).isFalse();
    assertThat(report.at("/payload/rowStats/determinePartitions/processed").asLong()).isZero();
  }
}
