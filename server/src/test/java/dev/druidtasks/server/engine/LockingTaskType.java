package dev.druidtasks.server.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.task.InvalidTaskException;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.Task;
import dev.druidtasks.server.task.TaskExecution;
import dev.druidtasks.server.task.TaskPayloads;
import dev.druidtasks.server.task.TaskResult;
import dev.druidtasks.server.task.TaskType;
import java.util.List;

/** A test task that holds a time-chunk lock on {@code interval} and sleeps {@code runTime} ms. */
final class LockingTaskType implements TaskType {
  @Override
  public String name() {
    return "locking";
  }

  @Override
  public Task read(ObjectNode payload) throws InvalidTaskException {
    TaskPayloads.fillCommonDefaults(payload);
    String ds = payload.get("dataSource").asText();
    Interval interval = Interval.parse(payload.get("interval").asText(), '/');
    long runTime = payload.path("runTime").asLong(100);
    return new Task() {
      @Override public String type() { return "locking"; }
      @Override public String dataSource() { return ds; }
      @Override public ObjectNode payload() { return payload; }
      @Override public List<Interval> lockIntervals() { return List.of(interval); }

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
    };
  }
}
