package dev.druidtasks.server.ingest.read;

import dev.druidtasks.server.ingest.read.Dimensions.Dimension;
import dev.druidtasks.server.ingest.read.Dimensions.MultiValueHandling;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The input columns a run reads, each with a slot number: the explicit dimensions first (in spec
 * order), then the timestamp, metric and filter columns, then dimensions discovered in the data in the
 * order they first appear. Columns that nothing reads have no slot and are skipped while parsing.
 */
public final class Columns {
  /** Limits on what arbitrary input can make this table hold. */
  private static final int MAX_DISCOVERED = 10_000;
  private static final int MAX_REMEMBERED_UNUSED = 100_000;
  public static final int UNUSED = -1;

  private final Map<String, Integer> slots = new HashMap<>();
  private final List<String> names = new ArrayList<>();
  private final List<Dimension> dimensionBySlot = new ArrayList<>();
  /** Slots of spec-named columns that become dimensions once the data holds them. */
  private final BitSet awaitingDiscovery = new BitSet();
  private int[] dimensionSlots = new int[16];
  private int dimensionCount;
  private final int explicitCount;
  private final Dimensions spec;
  private final int timestampSlot;
  private int unusedRemembered;
  private int discovered;

  public Columns(Dimensions spec, String timestampColumn, Collection<String> otherInputs) {
    this.spec = spec;
    for (Dimension d : spec.explicit()) {
      addDimensionSlot(add(d.name(), d));
    }
    explicitCount = dimensionCount;
    timestampSlot = slotOrAdd(timestampColumn);
    for (String name : otherInputs) {
      int slot = slotOrAdd(name);
      if (dimensionBySlot.get(slot) == null && discoverable(name)) {
        awaitingDiscovery.set(slot);
      }
    }
  }

  private boolean discoverable(String name) {
    return spec.discover() && !spec.exclusions().contains(name);
  }

  private int slotOrAdd(String name) {
    Integer s = slots.get(name);
    return s != null ? s : add(name, null);
  }

  private int add(String name, Dimension dimension) {
    int slot = names.size();
    names.add(name);
    slots.put(name, slot);
    dimensionBySlot.add(dimension);
    return slot;
  }

  private void addDimensionSlot(int slot) {
    if (dimensionCount == dimensionSlots.length) {
      dimensionSlots = Arrays.copyOf(dimensionSlots, dimensionCount * 2);
    }
    dimensionSlots[dimensionCount++] = slot;
  }

  /** The slot of a column seen in the data, or {@link #UNUSED}; may discover a new dimension. */
  int slotFor(String name) {
    Integer s = slots.get(name);
    if (s == null && discoverable(name) && discovered < MAX_DISCOVERED) {
      discovered++;
      s = add(name, null);
      awaitingDiscovery.set(s);
    }
    if (s == null) {
      if (unusedRemembered < MAX_REMEMBERED_UNUSED) {
        unusedRemembered++;
        slots.put(name, UNUSED);
      }
      return UNUSED;
    }
    if (s >= 0 && awaitingDiscovery.get(s)) {
      awaitingDiscovery.clear(s);
      dimensionBySlot.set(s, new Dimension(name, spec.discoveredType(), MultiValueHandling.SORTED_ARRAY));
      addDimensionSlot(s);
    }
    return s;
  }

  /** The slot of a column named in the spec (timestamp, metric input, filter column). */
  public int knownSlot(String name) {
    Integer s = slots.get(name);
    return s == null ? UNUSED : s;
  }

  public int timestampSlot() {
    return timestampSlot;
  }

  public String name(int slot) {
    return names.get(slot);
  }

  public int dimensionCount() {
    return dimensionCount;
  }

  /** The i-th dimension's slot, in output order. */
  public int dimensionSlot(int i) {
    return dimensionSlots[i];
  }

  public Dimension dimension(int slot) {
    return dimensionBySlot.get(slot);
  }

  /** A segment's dimension names: every explicit one, then the discovered ones it holds values of. */
  public List<String> dimensionNames(BitSet discoveredPresent) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < dimensionCount; i++) {
      int slot = dimensionSlots[i];
      if (i < explicitCount || discoveredPresent.get(slot)) {
        out.add(names.get(slot));
      }
    }
    return out;
  }

  public boolean isExplicit(int dimensionIndex) {
    return dimensionIndex < explicitCount;
  }
}
