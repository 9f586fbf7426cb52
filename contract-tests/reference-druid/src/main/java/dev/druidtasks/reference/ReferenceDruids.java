package dev.druidtasks.reference;

import java.nio.file.Path;
import java.time.Duration;

/** Reference Druids for tests: a fresh work dir under {@code target/}, ports moved off Druid's defaults. */
public final class ReferenceDruids {
  /** Bounded, and generous: a busy 2-core machine has taken half a minute. */
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private ReferenceDruids() {}

  /**
   * Starts a two-slot reference Druid in {@code target/reference-druid-<name>} (emptied first),
   * its ports shifted by {@code portOffset}; fails, never skips, when it cannot start.
   */
  public static ReferenceDruid start(String name, int portOffset) {
    return ReferenceDruid.start(freshConfig(name, portOffset));
  }

  /** As {@link #start}, with druid-basic-security loaded: every request then needs credentials. */
  public static ReferenceDruid startSecured(String name, int portOffset, BasicSecurity security) {
    return ReferenceDruid.start(freshConfig(name, portOffset).withBasicSecurity(security));
  }

  private static ReferenceDruidConfig freshConfig(String name, int portOffset) {
    Path work = Path.of("target", "reference-druid-" + name).toAbsolutePath();
    ReferenceDruid.stopRecorded(work); // left by a run that was killed
    ReferenceDruidMain.deleteTree(work);
    return ReferenceDruidConfig.defaults(work)
        .withPorts(Ports.DRUID_DEFAULTS.shifted(portOffset))
        .withStartTimeout(START_TIMEOUT);
  }
}
