package dev.druidtasks.server.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A published segment's metadata. {@code loadSpec} and {@code shardSpec} are kept as JSON since
 * Druid's clients read them as opaque objects.
 */
public record DataSegment(
    String dataSource,
    Interval interval,
    String version,
    int partitionNum,
    ObjectNode loadSpec,
    ObjectNode shardSpec,
    List<String> dimensions,
    List<String> metrics,
    long size,
    long numRows) {

  public DataSegment {
    dimensions = List.copyOf(dimensions);
    metrics = List.copyOf(metrics);
  }

  /** Druid's segment id: {@code dataSource_start_end_version[_partitionNum]}. */
  public String id() {
    return id(dataSource, interval, version, partitionNum);
  }

  public static String id(String dataSource, Interval interval, String version, int partitionNum) {
    String base = dataSource + "_" + Timestamps.format(interval.start()) + "_"
        + Timestamps.format(interval.end()) + "_" + version;
    return partitionNum == 0 ? base : base + "_" + partitionNum;
  }
}
