package dev.druidtasks.server.api;

import java.time.Duration;
import java.time.Instant;

/** The server's clock as the control API moves it: real time shifted by an offset that only grows. */
public interface ControlClock {
  Instant instant();

  Duration offset();

  /** Moves the clock forward by {@code by} (not negative). */
  void advance(Duration by);

  /** Back to real time. */
  void reset();
}
