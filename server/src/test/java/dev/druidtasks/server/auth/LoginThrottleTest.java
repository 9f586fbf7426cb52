package dev.druidtasks.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  /** A clock the test moves. */
  private static final class Manual extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final Manual clock = new Manual();
  private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(1), clock);

  @Test
  void aBurstOfFailuresIsAllowedThenOnePerInterval() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.waitBefore("10.0.0.1", "admin")).isZero();
      throttle.failed("10.0.0.1", "admin");
    }
    assertThat(throttle.waitBefore("10.0.0.1", "admin")).isEqualTo(Duration.ofSeconds(1));
    clock.now = clock.now.plusMillis(400);
    assertThat(throttle.waitBefore("10.0.0.1", "admin")).isEqualTo(Duration.ofMillis(600));
    clock.now = clock.now.plusMillis(600);
    assertThat(throttle.waitBefore("10.0.0.1", "admin")).isZero();
    throttle.failed("10.0.0.1", "admin");
    assertThat(throttle.waitBefore("10.0.0.1", "admin")).isPositive();
  }

  @Test
  void otherClientsAndOtherUsersAreNotSlowed() {
    for (int i = 0; i < 100; i++) {
      throttle.failed("10.0.0.1", "admin");
    }
    assertThat(throttle.waitBefore("10.0.0.1", "admin")).isPositive();
    assertThat(throttle.waitBefore("10.0.0.2", "admin")).isZero();
    assertThat(throttle.waitBefore("10.0.0.1", "readerA")).isZero();
  }

  @Test
  void aSuccessForgetsTheFailures() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("10.0.0.1", "admin");
    }
    throttle.succeeded("10.0.0.1", "admin");
    assertThat(throttle.waitBefore("10.0.0.1", "admin")).isZero();
  }

  @Test
  void aLongQuietTimeRefillsNoMoreThanTheBurst() {
    throttle.failed("10.0.0.1", "admin");
    clock.now = clock.now.plus(Duration.ofDays(1));
    for (int i = 0; i < 3; i++) {
      throttle.failed("10.0.0.1", "admin");
    }
    assertThat(throttle.waitBefore("10.0.0.1", "admin")).isPositive();
  }
}
