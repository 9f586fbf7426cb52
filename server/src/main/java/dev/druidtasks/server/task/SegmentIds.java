package dev.druidtasks.server.task;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

/** Reading Druid's segment ids, {@code dataSource_start_end_version[_partitionNum]}, of a known data source. */
public final class SegmentIds {
  private SegmentIds() {}

  /** The id in its canonical form (no {@code _0}), or empty when it is not an id of a segment of {@code dataSource}. */
  public static Optional<String> canonical(String dataSource, String id) {
    if (id == null || !id.startsWith(dataSource + "_")) {
      return Optional.empty();
    }
    String[] parts = id.substring(dataSource.length() + 1).split("_", -1);
    if (parts.length < 3) {
      return Optional.empty();
    }
    try {
      Interval interval = new Interval(Instant.parse(parts[0]), Instant.parse(parts[1]));
      int last = parts.length - 1;
      int partition = 0;
      if (parts.length > 3 && parts[last].matches("[0-9]{1,9}")) {
        partition = Integer.parseInt(parts[last]);
        last--;
      }
      String version = String.join("_", Arrays.copyOfRange(parts, 2, last + 1));
      if (version.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(DataSegment.id(dataSource, interval, version, partition));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
