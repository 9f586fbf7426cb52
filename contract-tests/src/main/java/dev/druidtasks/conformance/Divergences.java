package dev.druidtasks.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ledger of where the doc, Druid 33 and this server differ ({@code contract-tests/DIVERGENCES.md},
 * shipped in the suite's jar): each row names the cases and the differential-replay steps that
 * show the divergence.
 */
public record Divergences(List<Row> rows) {
  static final String RESOURCE = "/dev/druidtasks/conformance/DIVERGENCES.md";
  private static final String REPLAY_PREFIX = "replay:";
  private static final String PROFILE_PREFIX = "profile:";
  private static final String SECURITY_PREFIX = "security:";
  private static final Pattern NAME = Pattern.compile("`([^`]+)`");

  /**
   * @param caseIds conformance case ids
   * @param replaySteps differential-replay step ids (written {@code replay:<step>} in the ledger)
   * @param profileCalls client-profile calls that fail on Druid 33 and pass here ({@code profile:<call>})
   * @param securityCells rows of the permission matrix answered otherwise here ({@code security:<row>})
   */
  public record Row(Set<String> caseIds, Set<String> replaySteps, Set<String> profileCalls, Set<String> securityCells,
      String doc, String druid, String server, String why) {}

  public static Divergences load() {
    try (InputStream in = Divergences.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the divergence ledger " + RESOURCE + " is missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The table's body rows: {@code | names | doc | Druid 33 | server | why |}. */
  public static Divergences parse(String markdown) {
    List<Row> rows = new ArrayList<>();
    boolean inTable = false;
    for (String line : markdown.split("\n")) {
      String t = line.trim();
      if (!t.startsWith("|")) {
        inTable = false;
        continue;
      }
      if (!inTable) {
        inTable = true; // the header
        continue;
      }
      if (t.matches("\\|[-| :]+\\|")) {
        continue;
      }
      String[] cells = t.substring(1, t.length() - 1).split("\\|", -1);
      if (cells.length != 5) {
        throw new IllegalArgumentException("a ledger row needs 5 cells, this has " + cells.length + ": " + t);
      }
      Set<String> cases = new LinkedHashSet<>();
      Set<String> steps = new LinkedHashSet<>();
      Set<String> calls = new LinkedHashSet<>();
      Set<String> security = new LinkedHashSet<>();
      Matcher m = NAME.matcher(cells[0]);
      while (m.find()) {
        String name = m.group(1);
        if (name.startsWith(REPLAY_PREFIX)) {
          steps.add(name.substring(REPLAY_PREFIX.length()));
        } else if (name.startsWith(PROFILE_PREFIX)) {
          calls.add(name.substring(PROFILE_PREFIX.length()));
        } else if (name.startsWith(SECURITY_PREFIX)) {
          security.add(name.substring(SECURITY_PREFIX.length()));
        } else {
          cases.add(name);
        }
      }
      rows.add(new Row(Set.copyOf(cases), Set.copyOf(steps), Set.copyOf(calls), Set.copyOf(security), cells[1].trim(), cells[2].trim(),
          cells[3].trim(), cells[4].trim()));
    }
    return new Divergences(List.copyOf(rows));
  }

  public Set<String> caseIds() {
    Set<String> out = new LinkedHashSet<>();
    rows.forEach(r -> out.addAll(r.caseIds()));
    return out;
  }

  public Set<String> replaySteps() {
    Set<String> out = new LinkedHashSet<>();
    rows.forEach(r -> out.addAll(r.replaySteps()));
    return out;
  }

  public Set<String> profileCalls() {
    Set<String> out = new LinkedHashSet<>();
    rows.forEach(r -> out.addAll(r.profileCalls()));
    return out;
  }

  public Set<String> securityCells() {
    Set<String> out = new LinkedHashSet<>();
    rows.forEach(r -> out.addAll(r.securityCells()));
    return out;
  }
}
