package dev.druidtasks.conformance;

import java.util.Locale;

/**
 * Whose behaviour a case checks: the doc's ({@code doc}), Druid 33's ({@code druid}), or both.
 * A case with only {@code doc} checks a known divergence of Druid from its doc.
 */
public enum Tag {
  DOC,
  DRUID;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Tag parse(String s) {
    return valueOf(s.trim().toUpperCase(Locale.ROOT));
  }
}
