package dev.druidtasks.server.ingest;

import dev.druidtasks.server.ingest.spec.PathConfinement;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.task.DataSegment;
import dev.druidtasks.server.task.Interval;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentsTest {
  @TempDir
  Path tmp;

  private static String rows(int n, String day, boolean shuffled) {
    StringBuilder data = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int second = shuffled ? (i * 7919) % n : i;
      data.append("{\"ts\":\"").append(day).append("T00:00:00Z\",\"offset\":").append(second).append(",\"x\":\"r")
          .append(i).append("\"}\n");
    }
    return data.toString();
  }

  /** Rows with their second-of-day in "offset", parsed with a posix timestamp from it. */
  private static ObjectNode secondsSpec(String data) {
    ObjectNode spec = Specs.inline(data);
    Specs.set(spec, "/spec/dataSchema/timestampSpec", "{\"column\":\"offset\",\"format\":\"posix\"}");
    return spec;
  }

  @Test
  void maxRowsPerSegmentCutsPartitions() throws Exception {
    ObjectNode spec = secondsSpec(rows(2500, "x", false));
    Specs.set(spec, "/spec/tuningConfig/maxRowsPerSegment", "1000");
    var out = Specs.run(tmp, spec);

    List<DataSegment> segments = out.segments();
    assertThat(segments).extracting(DataSegment::partitionNum).containsExactly(0, 1, 2);
    assertThat(segments).extracting(DataSegment::numRows).containsExactly(1000L, 1000L, 500L);
    assertThat(segments).extracting(s -> s.shardSpec().toString()).containsExactly(
        "{\"type\":\"numbered\",\"partitionNum\":0,\"partitions\":0}",
        "{\"type\":\"numbered\",\"partitionNum\":1,\"partitions\":0}",
        "{\"type\":\"numbered\",\"partitionNum\":2,\"partitions\":0}");
    assertThat(segments.get(1).id()).isEqualTo("ds_1970-01-01T00:00:00.000Z_1970-01-02T00:00:00.000Z_2024-01-01T00:00:00.000Z_1");
    assertThat(out.task().payload().at("/spec/tuningConfig/partitionsSpec/maxRowsPerSegment").asInt()).isEqualTo(1000);
    assertThat(out.rows()).hasSize(2500);
  }

  @Test
  void partitionsSpecSetsTheSegmentSize() throws Exception {
    ObjectNode spec = secondsSpec(rows(30, "x", false));
    Specs.set(spec, "/spec/tuningConfig/partitionsSpec", "{\"type\":\"dynamic\",\"maxRowsPerSegment\":10}");
    var out = Specs.run(tmp, spec);

    assertThat(out.segments()).hasSize(3);
    assertThat(out.task().payload().at("/spec/tuningConfig/maxRowsPerSegment").asInt()).isEqualTo(10);
  }

  @Test
  void unorderedRowsAreSortedWithinEachSegment() throws Exception {
    ObjectNode spec = secondsSpec(rows(5000, "x", true));
    Specs.set(spec, "/spec/tuningConfig/maxRowsInMemory", "300");
    Specs.set(spec, "/spec/tuningConfig/maxRowsPerSegment", "2000");
    var out = Specs.run(tmp, spec);

    assertThat(out.segments()).extracting(DataSegment::numRows).containsExactly(2000L, 2000L, 1000L);
    long expected = 0;
    for (DataSegment s : out.segments()) {
      long previous = Long.MIN_VALUE;
      for (JsonNode r : SegmentRows.read(s)) {
        assertThat(r.get("__time").asLong()).isGreaterThanOrEqualTo(previous);
        previous = r.get("__time").asLong();
        assertThat(previous).isEqualTo(expected * 1000);
        expected++;
      }
    }
    assertThat(out.execution().log).anyMatch(l -> l.contains("not in time order"));
    assertThat(out.execution().log).anyMatch(l -> l.contains("Persisted"));
    try (Stream<Path> spill = Files.walk(out.execution().workDir())) {
      assertThat(spill.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void rowsOutsideTheIntervalsAreThrownAway() throws Exception {
    ObjectNode spec = Specs.inline("""
        {"ts":"2024-01-01T10:00:00Z","x":"in"}
        {"ts":"2023-12-31T23:59:59.999Z","x":"before"}
        {"ts":"2024-01-02T00:00:00Z","x":"after"}
        {"ts":"2024-01-03T00:00:00Z","x":"in too"}
        """);
    Specs.set(spec, "/spec/dataSchema/granularitySpec/intervals", "[\"2024-01-01/2024-01-02\", \"2024-01-03T05:00/PT1H\"]");
    var out = Specs.run(tmp, spec);

    assertThat(out.stat("processed")).isEqualTo(2);
    assertThat(out.stat("thrownAway")).isEqualTo(2);
    assertThat(out.task().lockIntervals()).containsExactly(
        Interval.parse("2024-01-01/2024-01-02", '/'), Interval.parse("2024-01-03/2024-01-04", '/'));
    assertThat(out.task().payload().at("/spec/dataSchema/granularitySpec/intervals").toString()).isEqualTo(
        "[\"2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z\",\"2024-01-03T05:00:00.000Z/2024-01-03T06:00:00.000Z\"]");
    assertThat(out.segments()).extracting(s -> s.interval().toString()).containsExactly(
        "2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z", "2024-01-03T00:00:00.000Z/2024-01-04T00:00:00.000Z");
  }

  @Test
  void withoutIntervalsChunksAreLockedWhileRunning() throws Exception {
    ObjectNode spec = Specs.inline("""
        {"ts":"2024-01-01T10:00:00Z","x":"a"}
        {"ts":"2024-03-05T00:00:00Z","x":"b"}
        {"ts":"2024-01-20T10:00:00Z","x":"c"}
        """);
    Specs.set(spec, "/spec/dataSchema/granularitySpec/segmentGranularity", "\"month\"");
    var out = Specs.run(tmp, spec);

    assertThat(out.task().lockIntervals()).isEmpty();
    assertThat(out.execution().locks.keySet()).containsExactly(
        Interval.parse("2024-01-01/2024-02-01", '/'), Interval.parse("2024-03-01/2024-04-01", '/'));
    assertThat(out.segments()).extracting(DataSegment::numRows).containsExactly(2L, 1L);
    assertThat(out.task().payload().at("/spec/dataSchema/granularitySpec/segmentGranularity").asText()).isEqualTo("MONTH");
  }

  @Test
  void appendingJoinsTheExistingVersion() throws Exception {
    Interval day = Interval.parse("2024-01-01/2024-01-02", '/');
    InMemoryTaskExecution execution = new InMemoryTaskExecution("task_1", tmp.resolve("engine"));
    ObjectNode spec = JsonNodeFactory.instance.objectNode();
    execution.used.add(new DataSegment("ds", day, "2023-06-01T00:00:00.000Z", 0, spec, spec, List.of(), List.of(), 1, 1));
    execution.used.add(new DataSegment("ds", day, "2023-06-01T00:00:00.000Z", 1, spec, spec, List.of(), List.of(), 1, 1));
    ObjectNode payload = Specs.inline(rows(30, "2024-01-01", false));
    Specs.set(payload, "/spec/ioConfig/appendToExisting", "true");
    Specs.set(payload, "/spec/tuningConfig/maxRowsPerSegment", "20");
    var out = Specs.run(tmp, payload, PathConfinement.under(tmp), execution);

    assertThat(out.segments()).extracting(DataSegment::version).containsOnly("2023-06-01T00:00:00.000Z");
    assertThat(out.segments()).extracting(DataSegment::partitionNum).containsExactly(2, 3);
    assertThat(execution.locks).containsKey(day);
    assertThat(Path.of(out.segments().get(0).loadSpec().get("path").asText()))
        .isEqualTo(tmp.resolve("engine/deep/ds/2024-01-01T00_00_00.000Z_2024-01-02T00_00_00.000Z/2023-06-01T00_00_00.000Z/2")
            .toAbsolutePath());
  }

  @Test
  void appendingToAnEmptyChunkUsesTheLockVersion() throws Exception {
    InMemoryTaskExecution execution = new InMemoryTaskExecution("task_1", tmp.resolve("engine")).lockVersion("v2");
    ObjectNode payload = Specs.inline(rows(3, "2024-01-01", false));
    Specs.set(payload, "/spec/ioConfig/appendToExisting", "true");
    var out = Specs.run(tmp, payload, PathConfinement.under(tmp), execution);

    assertThat(out.segments()).extracting(s -> s.version() + "/" + s.partitionNum()).containsExactly("v2/0");
  }

  @Test
  void stopMidwayRemovesEverythingWritten() throws Exception {
    ObjectNode spec = secondsSpec(rows(20_000, "x", false));
    Specs.set(spec, "/spec/tuningConfig/maxRowsPerSegment", "1000");
    InMemoryTaskExecution execution = new InMemoryTaskExecution("task_1", tmp.resolve("engine")).stopAfterChecks(15);
    var out = Specs.run(tmp, spec, PathConfinement.under(tmp), execution);

    assertThat(out.result().succeeded()).isFalse();
    assertThat(out.result().errorMsg()).isEqualTo("Shutdown request from user");
    assertThat(out.result().segments()).isEmpty();
    assertThat(execution.log).anyMatch(l -> l.contains("Wrote segment"));
    assertThat(execution.log).anyMatch(l -> l.contains("Stop requested"));
    assertThat(out.stat("processed")).isBetween(1000L, 19_999L);
    try (Stream<Path> files = Files.list(execution.deepStorage())) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void existingFilesOfOtherTasksSurviveAFailure() throws Exception {
    Path other = Files.createDirectories(tmp.resolve("engine/deep/ds/other"));
    Files.writeString(other.resolve("keep.txt"), "x");
    ObjectNode spec = secondsSpec(rows(5000, "x", false));
    Specs.set(spec, "/spec/tuningConfig/maxRowsPerSegment", "100");
    InMemoryTaskExecution execution = new InMemoryTaskExecution("task_1", tmp.resolve("engine")).stopAfterChecks(3);
    Specs.run(tmp, spec, PathConfinement.under(tmp), execution);

    assertThat(other.resolve("keep.txt")).exists();
    try (Stream<Path> files = Files.list(tmp.resolve("engine/deep/ds"))) {
      assertThat(files).containsExactly(other);
    }
  }

  @Test
  void allGranularityMakesOneChunkForAllTime() throws Exception {
    ObjectNode spec = Specs.inline("""
        {"ts":"1990-01-01T00:00:00Z","x":"a"}
        {"ts":"2030-06-01T00:00:00Z","x":"b"}
        """);
    Specs.set(spec, "/spec/dataSchema/granularitySpec/segmentGranularity", "\"all\"");
    var out = Specs.run(tmp, spec);

    assertThat(out.segments()).hasSize(1);
    assertThat(out.segments().get(0).interval()).isEqualTo(Interval.ETERNITY);
    assertThat(out.segments().get(0).numRows()).isEqualTo(2);
    assertThat(out.task().payload().at("/spec/dataSchema/granularitySpec/segmentGranularity").toString())
        .isEqualTo("{\"type\":\"all\"}");
  }

  @Test
  void indexTaskTypeRunsTheSameWay() throws Exception {
    ObjectNode spec = Specs.inline(rows(5, "2024-01-01", false));
    spec.put("type", "index");
    Specs.set(spec, "/spec/ioConfig/type", "\"index\"");
    Specs.remove(spec, "/spec/tuningConfig/type");
    var task = Specs.read(spec, PathConfinement.under(tmp));
    var execution = new InMemoryTaskExecution("task_1", tmp.resolve("engine"));
    var result = task.run(execution);

    assertThat(result.succeeded()).isTrue();
    assertThat(task.type()).isEqualTo("index");
    assertThat(result.segments()).extracting(DataSegment::numRows).containsExactly(5L);
    assertThat(task.payload().at("/spec/tuningConfig/type").asText()).isEqualTo("index");
  }

  @Test
  void segmentMetadataHasDruidsShapeAndReadsBack() throws Exception {
    DataSegment segment = DataSegment.local("ds", Interval.parse("2024-01-01/2024-01-02", '/'), "v1", 2,
        Path.of("/deep/ds/2"), List.of("page", "user"), List.of("count"), 1234, 56);
    String json = DocSamples.MAPPER.writeValueAsString(segment);

    assertThat(json).isEqualTo("{\"dataSource\":\"ds\",\"interval\":\"2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z\","
        + "\"version\":\"v1\",\"loadSpec\":{\"type\":\"local\",\"path\":\"/deep/ds/2\"},\"dimensions\":\"page,user\","
        + "\"metrics\":\"count\",\"shardSpec\":{\"type\":\"numbered\",\"partitionNum\":2,\"partitions\":0},"
        + "\"binaryVersion\":9,\"size\":1234,\"identifier\":\"ds_2024-01-01T00:00:00.000Z_2024-01-02T00:00:00.000Z_v1_2\","
        + "\"partitionNum\":2,\"numRows\":56}");
    assertThat(DocSamples.MAPPER.readValue(json, DataSegment.class)).isEqualTo(segment);
    DataSegment empty = new DataSegment("ds", segment.interval(), "v1", 0, segment.loadSpec(), segment.shardSpec(),
        List.of(), List.of(), 0, 0);
    assertThat(DocSamples.MAPPER.readValue(DocSamples.MAPPER.writeValueAsString(empty), DataSegment.class))
        .isEqualTo(empty);
  }

  @Test
  void segmentMetadataFileHoldsTheSameShape() throws Exception {
    var out = Specs.run(tmp, secondsSpec(rows(3, "x", false)));
    DataSegment segment = out.segments().get(0);
    Path meta = Path.of(segment.loadSpec().get("path").asText(), "meta.json");

    assertThat(DocSamples.MAPPER.readValue(meta.toFile(), DataSegment.class)).isEqualTo(segment);
    assertThat(DocSamples.MAPPER.readTree(meta.toFile()).toString()).isEqualTo(DocSamples.MAPPER.writeValueAsString(segment));
  }
}
