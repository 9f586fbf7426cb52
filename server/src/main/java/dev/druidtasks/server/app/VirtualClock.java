package dev.druidtasks.server.app;

import dev.druidtasks.server.api.ControlClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of task times (created, started, completed, durations, the lists' recent window, simulated
 * run times): real time plus an offset that the control API advances, so a test can make a day pass.
 */
final class VirtualClock extends Clock implements ControlClock {
  private final Clock real;
  private final AtomicReference<Duration> offset;

  VirtualClock(Clock real) {
    this(real, new AtomicReference<>(Duration.ZERO));
  }

  private VirtualClock(Clock real, AtomicReference<Duration> offset) {
    this.real = real;
    this.offset = offset;
  }

  @Override
  public ZoneId getZone() {
    return real.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new VirtualClock(real.withZone(zone), offset); // the same time, advanced together
  }

  @Override
  public Instant instant() {
    return real.instant().plus(offset.get());
  }

  @Override
  public long millis() {
    return instant().toEpochMilli();
  }

  @Override
  public Duration offset() {
    return offset.get();
  }

  @Override
  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward");
    }
    offset.accumulateAndGet(by, Duration::plus);
  }

  @Override
  public void reset() {
    offset.set(Duration.ZERO);
  }
}
