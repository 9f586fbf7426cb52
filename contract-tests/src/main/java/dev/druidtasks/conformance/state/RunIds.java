package dev.druidtasks.conformance.state;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Ids and datasource names unique to one run ({@code conformance-<run>-<label>-<n>}), so the suite
 * never collides with other tasks on the target or with its own earlier runs.
 */
public final class RunIds {
  private final String prefix;
  private int next;

  public RunIds() {
    SecureRandom random = new SecureRandom();
    String run = Long.toString(System.currentTimeMillis(), 36) + Integer.toString(random.nextInt(36 * 36 * 36), 36);
    this.prefix = "conformance-" + run.toLowerCase(Locale.ROOT) + "-";
  }

  public String prefix() {
    return prefix;
  }

  public synchronized String task(String label) {
    return prefix + label + "-" + (++next);
  }

  public synchronized String dataSource(String label) {
    return (prefix + label + "-" + (++next)).replace('-', '_');
  }
}
