package dev.druidtasks.conformance;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code java -jar druid-tasks-conformance.jar --target http://host:port [options]}; exits 0 when
 * every selected case passed, 1 when one failed, 2 on a usage error.
 */
public final class ConformanceMain {
  static final String USAGE = """
      usage: java -jar druid-tasks-conformance.jar --target http://host:port [options]
        --target URL              base URL of the Tasks API (required), e.g. http://localhost:8888
        --user U --password P     HTTP basic auth
        --only NAME...            endpoints (operation id such as getTasks, or path such as /tasks)
                                  or case ids; repeatable or comma-separated
        --tags doc,druid          run cases with any of these tags (default: doc; a case may have both)
        --skip-tags TAGS          disable cases with any of these tags
        --capabilities-off LIST   skip cases needing: logs,reports,segments,ingestion,locks
        --report-dir DIR          write DIR/TEST-conformance.xml and DIR/conformance-report.md
        --spec FILE               OpenAPI document to validate against (default: tasks-api.yaml on the classpath)
        --timeout-seconds N       bound on each wait for a task state (default 60)
        --list                    print the cases and exit
      Against Druid 33 use --tags druid (its side of the known divergences), or the default to see them fail.
      """;

  private ConformanceMain() {}

  public static void main(String[] args) {
    System.exit(exitCode(args));
  }

  static int exitCode(String[] args) {
    ConformanceOptions options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      return 2;
    }
    if (options == null) {
      return 0;
    }
    return Conformance.run(options).allPassed() ? 0 : 1;
  }

  /** The options, or null when the command only printed something (help, list). */
  static ConformanceOptions parse(String[] args) {
    URI target = null;
    String user = null;
    String password = null;
    List<String> only = new ArrayList<>();
    Set<Tag> tags = EnumSet.of(Tag.DOC);
    Set<Tag> skipTags = EnumSet.noneOf(Tag.class);
    Set<Capability> off = EnumSet.noneOf(Capability.class);
    Path reportDir = null;
    Path spec = null;
    Duration timeout = Duration.ofSeconds(60);
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "-h", "--help" -> {
          System.out.print(USAGE);
          return null;
        }
        case "--list" -> {
          Conformance.cases().forEach(c -> System.out.println(c.id() + "  " + c.endpoint().display() + "  "
              + c.tags() + "  " + c.capabilities() + "  " + c.title()));
          return null;
        }
        case "--target" -> target = URI.create(value(args, ++i, a));
        case "--user" -> user = value(args, ++i, a);
        case "--password" -> password = value(args, ++i, a);
        case "--only" -> {
          while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
            only.addAll(split(args[++i]));
          }
          if (only.isEmpty()) {
            throw new IllegalArgumentException("--only needs at least one endpoint or case id");
          }
        }
        case "--tags" -> {
          tags = EnumSet.noneOf(Tag.class);
          for (String t : split(value(args, ++i, a))) {
            tags.add(tag(t));
          }
        }
        case "--skip-tags" -> {
          for (String t : split(value(args, ++i, a))) {
            skipTags.add(tag(t));
          }
        }
        case "--capabilities-off" -> {
          for (String cap : split(value(args, ++i, a))) {
            try {
              off.add(Capability.parse(cap));
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException("unknown capability '" + cap + "' (logs, reports, segments, "
                  + "ingestion, locks)");
            }
          }
        }
        case "--report-dir" -> reportDir = Path.of(value(args, ++i, a));
        case "--spec" -> spec = Path.of(value(args, ++i, a));
        case "--timeout-seconds" -> {
          try {
            timeout = Duration.ofSeconds(Long.parseLong(value(args, ++i, a)));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--timeout-seconds needs a number");
          }
        }
        default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
      }
    }
    if (target == null) {
      throw new IllegalArgumentException("--target is required");
    }
    for (String name : only) {
      boolean known = Endpoint.find(name).isPresent()
          || Conformance.cases().stream().anyMatch(c -> c.id().equals(name));
      if (!known) {
        throw new IllegalArgumentException("--only: no endpoint or case named '" + name + "'");
      }
    }
    return new ConformanceOptions(target, user, password, only, tags, skipTags, off, reportDir, spec, timeout,
        System.out);
  }

  private static Tag tag(String t) {
    try {
      return Tag.parse(t);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown tag '" + t + "' (doc, druid)");
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static List<String> split(String s) {
    return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
  }
}
