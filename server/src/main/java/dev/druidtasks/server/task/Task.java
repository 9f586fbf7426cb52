package dev.druidtasks.server.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A task accepted for running: its identity, its stored payload, and what it does. */
public interface Task {
  /** The payload's {@code id}, always set by the time a task is read. */
  default String id() {
    return payload().get("id").asText();
  }

  /** The payload's {@code groupId}, defaulted to the id. */
  default String groupId() {
    return payload().get("groupId").asText();
  }

  String type();

  String dataSource();

  /** The payload as stored and served by {@code GET /task/{id}}, defaults filled in. */
  ObjectNode payload();

  /**
   * Time chunks the task must hold exclusively before it may run. Empty when the task takes no
   * locks up front (it may still lock chunks while running through {@link TaskExecution}).
   */
  List<Interval> lockIntervals();

  /** Does the work. Throwing fails the task with the exception's message. */
  TaskResult run(TaskExecution execution) throws Exception;
}
