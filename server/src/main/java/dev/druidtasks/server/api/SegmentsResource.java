package dev.druidtasks.server.api;

import dev.druidtasks.api.spec.SegmentsApi;
import dev.druidtasks.api.spec.model.SegmentsToUpdateFilter;
import dev.druidtasks.server.store.SegmentStateDao;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.SegmentIds;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Marking segments used or unused, as Druid's Overlord does; every answer says how many changed. */
public record SegmentsResource(SegmentStateDao segments, Clock clock) implements SegmentsApi {
  static final String INVALID_FILTER = "Invalid request payload. Specify either 'interval' or 'segmentIds', but not"
      + " both. Optionally, include 'versions' only when 'interval' is provided.";

  record SegmentUpdate(int numChangedSegments, boolean segmentStateChanged) {
    static Response of(int changed) {
      return TaskInformationResource.json(new SegmentUpdate(changed, changed > 0));
    }
  }

  /** A valid filter: an interval (with versions, or any version when null) or segment ids. */
  private record Filter(Interval interval, String[] versions, List<String> segmentIds) {}

  @Override
  public Response markAllNonOvershadowedSegmentsAsUsed(String dataSource, String body) {
    return SegmentUpdate.of(segments.markAllNonOvershadowedUsed(dataSource, clock.instant()));
  }

  @Override
  public Response markAllSegmentsAsUnused(String dataSource) {
    return SegmentUpdate.of(segments.markAllUnused(dataSource, clock.instant()));
  }

  @Override
  public Response markNonOvershadowedSegmentsAsUsed(String dataSource, SegmentsToUpdateFilter body) {
    Filter f = read(body);
    if (f.interval() != null) {
      return SegmentUpdate.of(segments.markNonOvershadowedUsedWithin(dataSource, f.interval(), f.versions(),
          clock.instant()));
    }
    Set<String> ids = new LinkedHashSet<>();
    List<String> unparsable = new ArrayList<>();
    for (String id : f.segmentIds()) {
      SegmentIds.canonical(dataSource, id).ifPresentOrElse(ids::add, () -> unparsable.add(id));
    }
    if (!unparsable.isEmpty()) {
      throw ApiException.invalidInput("Could not parse segment IDs[" + unparsable + "] for datasource[" + dataSource
          + "]");
    }
    Set<String> unknown = new LinkedHashSet<>(ids);
    unknown.removeAll(segments.existing(dataSource, ids));
    if (!unknown.isEmpty()) {
      throw ApiException.invalidInput("Could not find segment IDs[" + unknown + "] for datasource[" + dataSource + "]");
    }
    return SegmentUpdate.of(segments.markNonOvershadowedUsed(dataSource, ids, clock.instant()));
  }

  @Override
  public Response markSegmentsAsUnused(String dataSource, SegmentsToUpdateFilter body) {
    Filter f = read(body);
    if (f.interval() != null) {
      return SegmentUpdate.of(segments.markUnusedWithin(dataSource, f.interval(), f.versions(), clock.instant()));
    }
    // ids of other data sources, or that do not parse, are left out, as Druid does
    Set<String> ids = new LinkedHashSet<>();
    f.segmentIds().forEach(id -> SegmentIds.canonical(dataSource, id).ifPresent(ids::add));
    return SegmentUpdate.of(ids.isEmpty() ? 0 : segments.markUnused(dataSource, ids, clock.instant()));
  }

  @Override
  public Response markSegmentAsUsed(String dataSource, String segmentId, String body) {
    Optional<String> id = SegmentIds.canonical(dataSource, segmentId);
    return SegmentUpdate.of(id.isEmpty() ? 0 : segments.markUsed(dataSource, id.get(), clock.instant()));
  }

  @Override
  public Response markSegmentAsUnused(String dataSource, String segmentId) {
    Optional<String> id = SegmentIds.canonical(dataSource, segmentId);
    return SegmentUpdate.of(id.isEmpty() ? 0 : segments.markUnused(dataSource, Set.of(id.get()), clock.instant()));
  }

  private static Filter read(SegmentsToUpdateFilter body) {
    boolean byInterval = body != null && body.getInterval() != null;
    boolean byIds = body != null && body.getSegmentIds() != null && !body.getSegmentIds().isEmpty();
    if (byInterval == byIds || (byIds && body.getVersions() != null)) {
      throw ApiException.invalidInput(INVALID_FILTER);
    }
    if (byIds) {
      if (body.getSegmentIds().contains(null)) {
        throw ApiException.invalidInput("Field [segmentIds] holds a null");
      }
      return new Filter(null, null, List.copyOf(body.getSegmentIds()));
    }
    Interval interval;
    try {
      interval = Interval.parse(body.getInterval(), '/').clampedToEternity();
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidInput("Invalid value [" + body.getInterval() + "] for field [interval]: expected an"
          + " ISO-8601 interval such as 2023-06-27/2023-06-28 (" + e.getMessage() + ")");
    }
    if (body.getVersions() != null && body.getVersions().contains(null)) {
      throw ApiException.invalidInput("Field [versions] holds a null");
    }
    return new Filter(interval, body.getVersions() == null ? null : body.getVersions().toArray(String[]::new), null);
  }
}
