package dev.druidtasks.conformance.security;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * One request of the permission matrix and the status each persona gets, as Druid 33 answers with basic
 * security; {@code serverStatus} holds the cells where this server answers otherwise (named in the ledger
 * as {@code security:<name>}). For a list, {@code visible} is the data sources each persona's answer may
 * hold (it must hold the matrix's own task of each). {@code druidRefusalIsJson} is false where Druid's 4xx
 * is text or an HTML page while this server's is JSON (also in the ledger).
 */
public record MatrixRow(String name, String method, String path, String body, Map<Persona, Integer> druidStatus,
    Map<Persona, Integer> serverStatus, Map<Persona, Set<String>> visible, boolean druidRefusalIsJson) {

  /** Statuses in {@link Persona} order; 0: the persona is not asked. */
  static MatrixRow of(String name, String method, String path, String body, int... statuses) {
    Map<Persona, Integer> druid = new EnumMap<>(Persona.class);
    for (Persona p : Persona.values()) {
      if (statuses[p.ordinal()] != 0) {
        druid.put(p, statuses[p.ordinal()]);
      }
    }
    return new MatrixRow(name, method, path, body, druid, Map.of(), Map.of(), true);
  }

  MatrixRow listing(Map<Persona, Set<String>> dataSources) {
    return new MatrixRow(name, method, path, body, druidStatus, serverStatus, dataSources, druidRefusalIsJson);
  }

  /** Druid's refusals here are not JSON (the server's are). */
  MatrixRow druidRefusesInText() {
    return new MatrixRow(name, method, path, body, druidStatus, serverStatus, visible, false);
  }

  int expected(Persona p, boolean onDruid) {
    return !onDruid && serverStatus.containsKey(p) ? serverStatus.get(p) : druidStatus.get(p);
  }

  /** Whether the server answers some cell otherwise than Druid, so the ledger must name the row. */
  public boolean diverges() {
    return !serverStatus.isEmpty() || !druidRefusalIsJson;
  }
}
