package dev.druidtasks.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The task clock: real time plus an offset that only grows, until reset. */
class VirtualClockTest {
  private final Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void advancesAndResets() {
    VirtualClock clock = new VirtualClock(fixed);
    clock.advance(Duration.ofHours(25));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-02T01:00:00Z"));
    assertThat(clock.millis()).isEqualTo(clock.instant().toEpochMilli());
    assertThat(clock.offset()).isEqualTo(Duration.ofHours(25));
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    clock.reset();
    assertThat(clock.instant()).isEqualTo(fixed.instant());
  }

  @Test
  void anotherZoneMovesWithIt() {
    VirtualClock clock = new VirtualClock(fixed);
    Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
    clock.advance(Duration.ofMinutes(5));
    assertThat(paris.instant()).isEqualTo(clock.instant());
    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
  }
}
