package dev.druidtasks.conformance.cases;

import dev.druidtasks.conformance.Capability;
import dev.druidtasks.conformance.Endpoint;
import dev.druidtasks.conformance.Tag;
import java.util.EnumSet;
import java.util.Set;

/**
 * One check of the suite.
 *
 * @param id stable id, {@code <area>.<what>}
 * @param endpoint the endpoint it judges
 * @param title what it checks, in a sentence
 * @param source the doc section or BEHAVIOR.md rule it comes from
 * @param tags whose behaviour it checks: {@code doc}, {@code druid} or both
 * @param capabilities what the target must support (always includes {@code core})
 * @param body the check itself
 */
public record ConformanceCase(
    String id,
    Endpoint endpoint,
    String title,
    String source,
    Set<Tag> tags,
    Set<Capability> capabilities,
    CaseBody body) {

  public ConformanceCase {
    tags = Set.copyOf(tags);
    EnumSet<Capability> caps = EnumSet.of(Capability.CORE);
    caps.addAll(capabilities);
    capabilities = Set.copyOf(caps);
  }

  /** The check: throws {@code CaseFailure} or {@code PreconditionUnmet}, or returns normally. */
  @FunctionalInterface
  public interface CaseBody {
    void run(CaseContext c) throws Exception;
  }

  /** Starts a case definition. */
  public static Definition define(String id, Endpoint endpoint, String title) {
    return new Definition(id, endpoint, title);
  }

  /** Collects a case's attributes; {@link #run} finishes it. */
  public static final class Definition {
    private final String id;
    private final Endpoint endpoint;
    private final String title;
    private String source = "";
    private Set<Tag> tags = EnumSet.allOf(Tag.class);
    private final EnumSet<Capability> capabilities = EnumSet.of(Capability.CORE);

    private Definition(String id, Endpoint endpoint, String title) {
      this.id = id;
      this.endpoint = endpoint;
      this.title = title;
    }

    public Definition source(String where) {
      this.source = where;
      return this;
    }

    /** Only the doc says so; Druid 33 differs (a known divergence). */
    public Definition docOnly() {
      this.tags = EnumSet.of(Tag.DOC);
      return this;
    }

    /** Druid 33's behaviour where it differs from the doc. */
    public Definition druidOnly() {
      this.tags = EnumSet.of(Tag.DRUID);
      return this;
    }

    public Definition needs(Capability... caps) {
      capabilities.addAll(java.util.List.of(caps));
      return this;
    }

    public ConformanceCase run(CaseBody body) {
      return new ConformanceCase(id, endpoint, title, source, tags, capabilities, body);
    }
  }
}
