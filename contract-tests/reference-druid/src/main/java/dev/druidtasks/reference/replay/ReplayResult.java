package dev.druidtasks.reference.replay;

import java.util.List;

/** What a replay found: one entry per request step, in order. */
public record ReplayResult(List<StepResult> steps) {

  /**
   * @param request the request line as the reference got it, with its symbols restored
   * @param differences empty when the answers agree
   */
  public record StepResult(String id, String request, int referenceStatus, int targetStatus, List<String> differences) {
    public boolean differs() {
      return !differences.isEmpty();
    }
  }

  public List<StepResult> differing() {
    return steps.stream().filter(StepResult::differs).toList();
  }

  /** A line per step that differs, then the tally. */
  public String report() {
    StringBuilder b = new StringBuilder();
    for (StepResult s : differing()) {
      b.append("DIFFERS  ").append(s.id()).append("  ").append(s.request()).append('\n');
      for (String d : s.differences()) {
        b.append("      ").append(d).append('\n');
      }
    }
    b.append(steps.size()).append(" requests compared, ").append(differing().size()).append(" differ");
    return b.toString();
  }
}
