package dev.druidtasks.server.api;

import dev.druidtasks.server.store.TaskListQuery;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.TaskState;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Reads the query parameters of the list endpoints into a {@link TaskListQuery}, or a 400. */
final class TaskListRequest {
  /** Thrown with the answer to give when a parameter is invalid. */
  static final class Invalid extends Exception {
    final transient Response response;

    Invalid(Response response) {
      super(null, null, false, false);
      this.response = response;
    }
  }

  private TaskListRequest() {}

  static Set<TaskState> statesOf(String state) throws Invalid {
    if (state == null) {
      return EnumSet.allOf(TaskState.class);
    }
    switch (state.toLowerCase(Locale.ROOT)) {
      case "pending":
        return EnumSet.of(TaskState.PENDING);
      case "waiting":
        return EnumSet.of(TaskState.WAITING);
      case "running":
        return EnumSet.of(TaskState.RUNNING);
      case "complete":
        return EnumSet.of(TaskState.SUCCESS, TaskState.FAILED);
      default:
        throw new Invalid(ErrorResponses.text(Response.Status.BAD_REQUEST,
            "Invalid task state[" + state + "]. Must be one of [pending, waiting, running, complete]."));
    }
  }

  static TaskListQuery read(Set<TaskState> states, String dataSource, String createdTimeInterval, String max,
      String maxName, String type, Clock clock, Duration recentlyFinished) throws Invalid {
    Interval created = null;
    if (createdTimeInterval != null) {
      try {
        created = Interval.parse(createdTimeInterval, '_').clampedToEternity();
      } catch (IllegalArgumentException e) {
        throw new Invalid(ErrorResponses.badParameter("createdTimeInterval", createdTimeInterval,
            "expected an ISO-8601 interval with '_' between start and end, e.g. 2023-06-27_2023-06-28 ("
                + e.getMessage() + ")"));
      }
    }
    Integer maxComplete = null;
    if (max != null) {
      try {
        maxComplete = Integer.parseInt(max.trim());
      } catch (NumberFormatException e) {
        maxComplete = -1;
      }
      if (maxComplete < 0) {
        throw new Invalid(ErrorResponses.badParameter(maxName, max, "expected a non-negative integer"));
      }
    }
    // Without a window or a limit, Druid lists only recently finished tasks.
    Instant recentFrom = created == null && maxComplete == null ? clock.instant().minus(recentlyFinished) : null;
    return new TaskListQuery(states, blankToNull(dataSource), blankToNull(type),
        created == null ? null : created.start(), created == null ? null : created.end(), recentFrom, maxComplete);
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
