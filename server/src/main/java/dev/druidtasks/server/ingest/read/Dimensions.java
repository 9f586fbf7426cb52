package dev.druidtasks.server.ingest.read;

import dev.druidtasks.server.ingest.spec.DimensionsSpec;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code dimensionsSpec} as the readers use it: the explicit dimensions and, when {@code discover} is
 * set, every other column not in {@code exclusions} as a dimension of {@code discoveredType}.
 */
public record Dimensions(List<Dimension> explicit, Set<String> exclusions, boolean discover, DimensionType discoveredType) {
  public Dimensions {
    explicit = List.copyOf(explicit);
    exclusions = Set.copyOf(exclusions);
  }

  /** A bound (and so validated) spec's dimensions; {@code json} is read as {@code auto}, as Druid does. */
  public static Dimensions of(DimensionsSpec spec) {
    List<Dimension> explicit = spec.dimensions().stream().map(d -> new Dimension(d.name(),
        d.type().equals("json") ? DimensionType.AUTO : DimensionType.valueOf(d.type().toUpperCase(Locale.ROOT)),
        MultiValueHandling.valueOf(d.multiValueHandling()))).toList();
    return new Dimensions(explicit, Set.copyOf(spec.dimensionExclusions()), spec.discovers(),
        spec.useSchemaDiscovery() ? DimensionType.AUTO : DimensionType.STRING);
  }

  public enum DimensionType { STRING, LONG, FLOAT, DOUBLE, AUTO }

  public enum MultiValueHandling { SORTED_ARRAY, SORTED_SET, ARRAY }

  public record Dimension(String name, DimensionType type, MultiValueHandling multiValueHandling) {}
}
