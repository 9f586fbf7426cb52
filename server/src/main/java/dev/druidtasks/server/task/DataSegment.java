package dev.druidtasks.server.task;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.StdConverter;
import java.nio.file.Path;
import java.util.List;

/**
 * A published segment's metadata, as Druid's clients read it (and as {@code GET /task/{id}/segments}
 * and each segment's {@code meta.json} hold it). {@code loadSpec} and {@code shardSpec} stay JSON since
 * Druid's clients read them as opaque objects.
 */
@JsonPropertyOrder({"dataSource", "interval", "version", "loadSpec", "dimensions", "metrics", "shardSpec",
    "binaryVersion", "size", "identifier", "partitionNum", "numRows"})
@JsonIgnoreProperties(value = {"binaryVersion", "identifier"}, allowGetters = true)
public record DataSegment(
    String dataSource,
    Interval interval,
    String version,
    int partitionNum,
    ObjectNode loadSpec,
    ObjectNode shardSpec,
    @JsonSerialize(converter = Joined.class) @JsonDeserialize(converter = Split.class) List<String> dimensions,
    @JsonSerialize(converter = Joined.class) @JsonDeserialize(converter = Split.class) List<String> metrics,
    long size,
    long numRows) {

  /** The file of a segment's directory in deep storage that holds its rows, one JSON object a line. */
  public static final String ROWS_FILE = "rows.json.gz";

  public DataSegment {
    dimensions = List.copyOf(dimensions);
    metrics = List.copyOf(metrics);
  }

  /** A segment in local deep storage, numbered within its chunk. */
  public static DataSegment local(String dataSource, Interval interval, String version, int partitionNum, Path dir,
      List<String> dimensions, List<String> metrics, long size, long numRows) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    return new DataSegment(dataSource, interval, version, partitionNum,
        json.objectNode().put("type", "local").put("path", dir.toString()),
        json.objectNode().put("type", "numbered").put("partitionNum", partitionNum).put("partitions", 0),
        dimensions, metrics, size, numRows);
  }

  /** Druid's segment id: {@code dataSource_start_end_version[_partitionNum]}. */
  public static String id(String dataSource, Interval interval, String version, int partitionNum) {
    String base = dataSource + "_" + Timestamps.format(interval.start()) + "_"
        + Timestamps.format(interval.end()) + "_" + version;
    return partitionNum == 0 ? base : base + "_" + partitionNum;
  }

  /** Its rows in local deep storage. */
  public Path rowsFile() {
    return Path.of(loadSpec.path("path").asText()).resolve(ROWS_FILE);
  }

  @JsonProperty("identifier")
  public String id() {
    return id(dataSource, interval, version, partitionNum);
  }

  /** The segment format version Druid's clients expect. */
  @JsonProperty("binaryVersion")
  int binaryVersion() {
    return 9;
  }

  static final class Joined extends StdConverter<List<String>, String> {
    @Override
    public String convert(List<String> names) {
      return String.join(",", names);
    }
  }

  static final class Split extends StdConverter<String, List<String>> {
    @Override
    public List<String> convert(String names) {
      return names.isEmpty() ? List.of() : List.of(names.split(","));
    }
  }
}
