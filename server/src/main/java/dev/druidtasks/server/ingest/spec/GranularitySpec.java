package dev.druidtasks.server.ingest.spec;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.druidtasks.server.task.InvalidField;
import dev.druidtasks.server.task.Interval;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code granularitySpec} ({@code uniform}); {@code chunks} are the intervals cut into
 * segment-granularity buckets, sorted, empty when no intervals were given.
 */
public record GranularitySpec(
    String type,
    Granularity segmentGranularity,
    Granularity queryGranularity,
    Boolean rollup,
    List<Interval> intervals,
    @JsonIgnore List<Interval> chunks,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) {
  /** More lock chunks than this is almost surely a mistake (e.g. ten years of HOUR segments). */
  public static final int MAX_CHUNKS = 10_000;

  public GranularitySpec {
    type = type != null ? type : "uniform";
    if (!type.equals("uniform")) {
      throw InvalidField.of("type", ": granularitySpec type [" + type + "] is not supported (supported: uniform)");
    }
    segmentGranularity = segmentGranularity != null ? segmentGranularity : Granularity.DAY_GRANULARITY;
    if (segmentGranularity.unit() == Granularity.Unit.NONE) {
      throw InvalidField.of("segmentGranularity", " cannot be NONE");
    }
    queryGranularity = queryGranularity != null ? queryGranularity : Granularity.NONE;
    rollup = rollup == null || rollup;
    intervals = intervals != null ? List.copyOf(intervals) : List.of();
    for (int i = 0; i < intervals.size(); i++) {
      Interval interval = intervals.get(i);
      if (interval.durationMillis() <= 0) {
        throw InvalidField.of("intervals[" + i + "]", ": interval [" + interval + "] is empty");
      }
      if (!interval.storable()) {
        throw InvalidField.of("intervals[" + i + "]", ": interval [" + interval
            + "] reaches outside the time this server stores, " + Interval.ETERNITY);
      }
    }
    chunks = chunks(intervals, segmentGranularity);
  }

  private static List<Interval> chunks(List<Interval> intervals, Granularity segment) {
    TreeSet<Long> starts = new TreeSet<>();
    for (Interval interval : intervals) {
      long end = interval.end().toEpochMilli();
      long t = segment.bucketStart(interval.start().toEpochMilli());
      while (t < end) {
        starts.add(t);
        if (starts.size() > MAX_CHUNKS) {
          throw InvalidField.of("intervals", " covers more than " + MAX_CHUNKS
              + " time chunks of the segment granularity");
        }
        long next = segment.bucketEnd(t);
        if (next <= t) {
          break;
        }
        t = next;
      }
    }
    return starts.stream().map(s -> new Interval(Instant.ofEpochMilli(s), Instant.ofEpochMilli(segment.bucketEnd(s))))
        .toList();
  }
}
