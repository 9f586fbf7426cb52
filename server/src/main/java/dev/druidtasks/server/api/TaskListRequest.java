package dev.druidtasks.server.api;

import dev.druidtasks.server.store.TaskReadDao;
import dev.druidtasks.server.store.TaskFilter;
import dev.druidtasks.server.store.TaskRecord;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.TaskState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A task list: its query parameters, read in the order Druid checks them (or a refusal naming one).
 * Null fields do not filter; {@code created*} bound createdTime to [from, to) for every task,
 * {@code completeCreatedFrom} further bounds the complete part only (Druid's "recently finished"
 * window) and {@code maxComplete} limits it.
 */
record TaskListRequest(Set<TaskState> states, String dataSource, String type, Instant createdFrom,
    Instant createdTo, Instant completeCreatedFrom, Integer maxComplete) {
  /** Hands the complete tasks (newest first) then the active ones (oldest first) to {@code sink}, filtered in SQL. */
  void run(TaskReadDao tasks, Consumer<TaskRecord> sink) {
    String[] active = states.stream().filter(TaskState::isActive).map(Enum::name).toArray(String[]::new);
    String[] complete = states.stream().filter(TaskState::isComplete).map(Enum::name).toArray(String[]::new);
    TaskFilter filter = new TaskFilter(dataSource, type, createdFrom, createdTo);
    boolean listsComplete = complete.length > 0 && (maxComplete == null || maxComplete > 0);
    if (listsComplete && active.length > 0) {
      tasks.inOneSnapshot(snapshot -> {
        eachComplete(snapshot, complete, filter, sink);
        snapshot.eachActive(active, filter, sink);
      });
    } else if (listsComplete) {
      eachComplete(tasks, complete, filter, sink);
    } else if (active.length > 0) {
      tasks.eachActive(active, filter, sink);
    }
  }

  private void eachComplete(TaskReadDao tasks, String[] complete, TaskFilter filter, Consumer<TaskRecord> sink) {
    boolean recentOnly = completeCreatedFrom != null
        && (createdFrom == null || completeCreatedFrom.isAfter(createdFrom));
    tasks.eachComplete(complete, recentOnly ? filter.startingAt(completeCreatedFrom) : filter, maxComplete, sink);
  }

  static Set<TaskState> statesOf(String state) {
    if (state == null) {
      return EnumSet.allOf(TaskState.class);
    }
    return switch (state.toLowerCase(Locale.ROOT)) {
      case "pending" -> EnumSet.of(TaskState.PENDING);
      case "waiting" -> EnumSet.of(TaskState.WAITING);
      case "running" -> EnumSet.of(TaskState.RUNNING);
      case "complete" -> EnumSet.of(TaskState.SUCCESS, TaskState.FAILED);
      default -> throw ApiException.text(400,
          "Invalid task state[" + state + "]. Must be one of [pending, waiting, running, complete].");
    };
  }

  static TaskListRequest read(Set<TaskState> states, String dataSource, String createdTimeInterval, String max,
      String maxName, String type, Clock clock, Duration recentlyFinished) {
    Interval created = createdTimeInterval == null ? null : interval("createdTimeInterval", createdTimeInterval, '_');
    Integer maxComplete = null;
    if (max != null) {
      long n = integer(maxName, max, "expected a non-negative integer");
      if (n < 0 || n > Integer.MAX_VALUE) {
        throw ApiException.badParameter(maxName, max, "expected a non-negative integer");
      }
      maxComplete = (int) n;
    }
    // Without a window or a limit, Druid lists only recently finished tasks.
    Instant recentFrom = created == null && maxComplete == null ? clock.instant().minus(recentlyFinished) : null;
    return new TaskListRequest(states, blankToNull(dataSource), blankToNull(type),
        created == null ? null : created.start(), created == null ? null : created.end(), recentFrom, maxComplete);
  }

  /** A query parameter that is an integer (surrounding blanks allowed), or a refusal naming it. */
  static long integer(String name, String value, String expected) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badParameter(name, value, expected);
    }
  }

  /**
   * A query parameter that is an ISO-8601 interval, clamped to the years stored, or a refusal naming it. With
   * {@code '_'} (createdTimeInterval) Druid reads {@code '/'} too: it turns every {@code '_'} into {@code '/'}.
   */
  static Interval interval(String name, String value, char separator) {
    try {
      return (separator == '_' ? Interval.parse(value.replace('_', '/'), '/') : Interval.parse(value, separator))
          .clampedToEternity();
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(name, value, separator == '_'
          ? "expected an ISO-8601 interval with '_' or '/' between start and end, e.g. 2023-06-27_2023-06-28 ("
              + e.getMessage() + ")"
          : "expected an ISO-8601 interval such as 2023-06-27/2023-06-28 (" + e.getMessage() + ")");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
