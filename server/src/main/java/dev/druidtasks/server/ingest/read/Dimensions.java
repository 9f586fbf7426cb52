package dev.druidtasks.server.ingest.read;

import java.util.List;
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

  public enum DimensionType { STRING, LONG, FLOAT, DOUBLE, AUTO }

  public enum MultiValueHandling { SORTED_ARRAY, SORTED_SET, ARRAY }

  public record Dimension(String name, DimensionType type, MultiValueHandling multiValueHandling) {}
}
