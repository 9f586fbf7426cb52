package dev.druidtasks.server.ingest.segment;

import java.util.Arrays;

/** A rollup group: the query-granularity time and the encoded dimension values. */
final class RollupKey {
  long time;
  byte[] bytes;
  int len;
  int hash;

  /** Points this (reusable probe) key at a buffer without copying it. */
  RollupKey set(long time, byte[] bytes, int len) {
    this.time = time;
    this.bytes = bytes;
    this.len = len;
    int h = Long.hashCode(time);
    for (int i = 0; i < len; i++) {
      h = 31 * h + bytes[i];
    }
    this.hash = h;
    return this;
  }

  RollupKey copy() {
    RollupKey k = new RollupKey();
    k.time = time;
    k.bytes = Arrays.copyOf(bytes, len);
    k.len = len;
    k.hash = hash;
    return k;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RollupKey k && k.time == time && k.hash == hash
        && Arrays.equals(bytes, 0, len, k.bytes, 0, k.len);
  }
}
