package dev.druidtasks.server.engine;

import java.time.Duration;

/** What the engine reports as it works, for metrics; calls are cheap and must not throw. */
public interface EngineEvents {
  EngineEvents NONE = new EngineEvents() { };

  /** A task ended on this node: run by its worker for {@code ran}, or stopped before it started ({@code ran} null). */
  default void taskEnded(String type, String dataSource, boolean succeeded, Duration ran) { }

  /** A worker asked the database for up to {@code wanted} pending tasks and got {@code claimed}. */
  default void claimed(int wanted, int claimed, Duration took) { }

  /** One step of the scheduler's loop (promotion of waiting tasks, reaping of silent workers). */
  default void schedulerStepped(Duration took) { }
}
