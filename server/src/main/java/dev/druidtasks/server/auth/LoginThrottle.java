package dev.druidtasks.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Slows password guessing: each client may fail for one user name a few times at once, then once per
 * interval. A throttled attempt is refused before its password is looked at, so guessing costs time,
 * while other clients, and other users of the same client, are not affected.
 */
final class LoginThrottle {
  /** How many entries the table may hold before idle ones are dropped. */
  private static final int MAX_ENTRIES = 100_000;
  private final int burst;
  private final long refillNanos;
  private final Clock clock;
  private final ConcurrentMap<Key, Bucket> buckets = new ConcurrentHashMap<>();

  private record Key(String client, String user) {}

  /** Failures left, and when they were last counted. */
  private record Bucket(double tokens, long atNanos) {}

  LoginThrottle(int burst, Duration refill, Clock clock) {
    this.burst = burst;
    this.refillNanos = refill.toNanos();
    this.clock = clock;
  }

  /** Zero when an attempt may go ahead, else how long the client must wait. */
  Duration waitBefore(String client, String user) {
    Bucket b = buckets.get(new Key(client, user));
    if (b == null) {
      return Duration.ZERO;
    }
    double tokens = refilled(b, now());
    return tokens >= 1 ? Duration.ZERO : Duration.ofNanos((long) ((1 - tokens) * refillNanos));
  }

  void failed(String client, String user) {
    if (buckets.size() > MAX_ENTRIES) {
      long now = now();
      buckets.values().removeIf(b -> refilled(b, now) >= burst);
    }
    long now = now();
    buckets.compute(new Key(client, user), (k, b) ->
        new Bucket(Math.max(0, (b == null ? burst : refilled(b, now)) - 1), now));
  }

  void succeeded(String client, String user) {
    buckets.remove(new Key(client, user));
  }

  private double refilled(Bucket b, long now) {
    return Math.min(burst, b.tokens() + (double) (now - b.atNanos()) / refillNanos);
  }

  private long now() {
    var i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }
}
