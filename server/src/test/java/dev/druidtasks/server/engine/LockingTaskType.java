package dev.druidtasks.server.engine;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.Task;
import dev.druidtasks.server.task.TaskExecution;
import dev.druidtasks.server.task.TaskResult;
import dev.druidtasks.server.task.TaskType;
import java.util.List;
import java.util.Map;

/** A test task that holds a time-chunk lock on {@code interval} and sleeps {@code runTime} ms. */
final class LockingTaskType extends TaskType {
  LockingTaskType() {
    super("locking", Locking.class, Map.of());
  }

  record Locking(String type, String id, String groupId, Resource resource, String dataSource, Interval interval,
      Long runTime, Map<String, Object> context, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown)
      implements Task {
    Locking {
      groupId = groupId == null ? id : groupId;
      resource = Resource.of(resource, id);
      context = Task.contextWithDefaults(context);
      runTime = runTime == null ? 100 : runTime;
    }

    @Override
    public List<Interval> lockIntervals() {
      return List.of(interval);
    }

    @Override
    public TaskResult run(TaskExecution execution) throws Exception {
      String version = execution.lock(interval);
      execution.log().info("holding lock version " + version);
      long end = System.currentTimeMillis() + runTime;
      while (System.currentTimeMillis() < end && !execution.stopRequested()) {
        Thread.sleep(10);
      }
      return TaskResult.success();
    }
  }
}
