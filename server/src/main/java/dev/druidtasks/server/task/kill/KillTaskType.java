package dev.druidtasks.server.task.kill;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.task.DataSegment;
import dev.druidtasks.server.task.InvalidField;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.Task;
import dev.druidtasks.server.task.TaskExecution;
import dev.druidtasks.server.task.TaskIds;
import dev.druidtasks.server.task.TaskResult;
import dev.druidtasks.server.task.TaskType;
import dev.druidtasks.server.task.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Druid's {@code kill}: deletes, for good, the unused segments of a data source within an interval (their
 * metadata and their files in deep storage), in batches, while it holds the interval's lock.
 */
public final class KillTaskType extends TaskType {
  static final int DEFAULT_BATCH_SIZE = 100;

  public KillTaskType() {
    super("kill", Kill.class, Map.of());
  }

  record Kill(
      String type,
      String id,
      String dataSource,
      Interval interval,
      List<String> versions,
      Map<String, Object> context,
      Integer batchSize,
      Integer limit,
      String maxUsedStatusLastUpdatedTime,
      String groupId,
      Resource resource,
      @JsonIgnore @JacksonInject Clock clock,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) implements Task {
    Kill {
      dataSource = TaskIds.validateDataSource(InvalidField.required(dataSource, "dataSource"), "dataSource");
      InvalidField.required(interval, "interval");
      id = id == null ? TaskIds.generate("kill", dataSource, interval, clock.instant()) : TaskIds.validate(id);
      versions = versions == null ? null : List.copyOf(versions);
      maxUsedStatusLastUpdatedTime = maxUsedStatusLastUpdatedTime == null ? null
          : Timestamps.format(instant(maxUsedStatusLastUpdatedTime));
      batchSize = batchSize == null ? DEFAULT_BATCH_SIZE : batchSize;
      if (batchSize <= 0) {
        throw InvalidField.of("batchSize", " must be positive, got " + batchSize);
      }
      if (limit != null && limit <= 0) {
        throw InvalidField.of("limit", " must be positive, got " + limit);
      }
      groupId = groupId == null ? id : TaskIds.validate(groupId);
      resource = Resource.of(resource, id);
      context = Task.contextWithDefaults(context);
      unknown = unknown == null ? new LinkedHashMap<>() : unknown;
    }

    private static Instant instant(String text) {
      try {
        return Interval.parseInstant(text);
      } catch (IllegalArgumentException e) {
        throw InvalidField.value("maxUsedStatusLastUpdatedTime", "expected an ISO-8601 time, got [" + text + "]");
      }
    }

    @Override
    public List<Interval> lockIntervals() {
      return List.of(interval.clampedToEternity());
    }

    @Override
    public TaskResult run(TaskExecution execution) {
      Interval within = interval.clampedToEternity();
      int killed = 0;
      int batches = 0;
      while (!execution.stopRequested() && (limit == null || killed < limit)) {
        int size = limit == null ? batchSize : Math.min(batchSize, limit - killed);
        List<DataSegment> batch = execution.unusedSegments(dataSource, within, versions, size,
            maxUsedStatusLastUpdatedTime == null ? null : Instant.parse(maxUsedStatusLastUpdatedTime));
        if (batch.isEmpty()) {
          break;
        }
        execution.killSegments(batch);
        killed += batch.size();
        batches++;
        execution.log().info("Killed " + batch.size() + " unused segment(s) of [" + dataSource + "] in batch "
            + batches);
      }
      ObjectNode payload = JsonNodeFactory.instance.objectNode()
          .put("numSegmentsKilled", killed).put("numBatchesProcessed", Math.max(batches, 1));
      ObjectNode report = JsonNodeFactory.instance.objectNode();
      report.putObject("killUnusedSegments").put("type", "killUnusedSegments").put("taskId", id)
          .set("payload", payload);
      execution.writeReports(report);
      execution.log().info("Killed " + killed + " unused segment(s) of [" + dataSource + "] within " + within
          + (maxUsedStatusLastUpdatedTime == null ? "" : ", unused since " + maxUsedStatusLastUpdatedTime
          + " at the latest"));
      return TaskResult.success();
    }
  }
}
