package dev.druidtasks.server.ingest.spec;

import dev.druidtasks.server.task.InvalidTaskException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Where ingestion tasks may read local files, and the checks that keep {@code local} input there: a path
 * must lie under an allowed root both as written (after {@code ..} is resolved) and after following
 * symbolic links.
 *
 * @param allowedRoots directories under which {@code local} input must lie (after resolving links);
 *     none: {@code local} input is turned off
 * @param deniedRoots directories never read, even under an allowed root (the server's own data:
 *     its database, task logs, segments)
 * @param workingDirectory the directory a relative {@code baseDir} or file path resolves against
 */
public record PathConfinement(List<Path> allowedRoots, List<Path> deniedRoots, Path workingDirectory) {
  /** A file name pattern longer than any file name is a mistake, and costly to match. */
  public static final int MAX_FILTER_LENGTH = 1024;

  public PathConfinement {
    allowedRoots = allowedRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    deniedRoots = deniedRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  /** Allows reading under the working directory only. */
  public static PathConfinement under(Path workingDirectory) {
    return new PathConfinement(List.of(workingDirectory), List.of(), workingDirectory);
  }

  public void checkLocalInputEnabled(String field) throws InvalidTaskException {
    if (allowedRoots.isEmpty()) {
      throw new InvalidTaskException("Field [" + field + "]: [local] input is turned off on this server");
    }
  }

  public Path resolveDirectory(String given, String field) throws InvalidTaskException {
    Path real = resolve(given, field);
    if (!Files.isDirectory(real)) {
      throw new InvalidTaskException("Field [" + field + "]: [" + given + "] is not a directory");
    }
    return real;
  }

  public Path resolveFile(String given, String field) throws InvalidTaskException {
    Path real = resolve(given, field);
    if (!Files.isRegularFile(real)) {
      throw new InvalidTaskException("Field [" + field + "]: [" + given + "] is not a file");
    }
    return real;
  }

  /** The real path of {@code given}, relative paths taken from the working directory. */
  private Path resolve(String given, String field) throws InvalidTaskException {
    if (given.isEmpty() || given.indexOf('\0') >= 0) {
      throw new InvalidTaskException("Field [" + field + "]: [" + given + "] is not a valid path");
    }
    Path absolute;
    try {
      absolute = workingDirectory.resolve(given).normalize();
    } catch (InvalidPathException e) {
      throw new InvalidTaskException("Field [" + field + "]: [" + given + "] is not a valid path");
    }
    if (!under(absolute, allowedRoots) || under(absolute, deniedRoots)) {
      throw new InvalidTaskException("Field [" + field + "]: [" + given + "] is outside the directories this server may read");
    }
    if (!Files.exists(absolute)) {
      throw new InvalidTaskException("Field [" + field + "]: [" + given + "] does not exist");
    }
    Path real;
    try {
      real = absolute.toRealPath();
    } catch (IOException e) {
      throw new InvalidTaskException("Field [" + field + "]: [" + given + "] cannot be read: " + e.getMessage());
    }
    if (!allows(real)) {
      throw new InvalidTaskException(
          "Field [" + field + "]: [" + given + "] leads outside the directories this server may read");
    }
    return real;
  }

  /** True when a real (link-free) path lies under one of the allowed roots' real paths, and under no denied one. */
  public boolean allows(Path real) {
    return under(real, realPaths(allowedRoots)) && !under(real, realPaths(deniedRoots));
  }

  private static List<Path> realPaths(List<Path> roots) {
    List<Path> out = new ArrayList<>();
    for (Path root : roots) {
      try {
        out.add(root.toRealPath());
      } catch (IOException e) {
        out.add(root);
      }
    }
    return out;
  }

  private static boolean under(Path path, List<Path> roots) {
    return roots.stream().anyMatch(path::startsWith);
  }

  /**
   * Checks a {@code filter} and turns it into a matcher of file names. Druid's only wildcards are {@code *}
   * (any run of characters) and {@code ?} (one), so glob's brackets and braces stay literal.
   */
  public static PathMatcher fileNames(String filter, String field) throws InvalidTaskException {
    if (filter.length() > MAX_FILTER_LENGTH) {
      throw new InvalidTaskException("Field [" + field + "] is " + filter.length() + " characters long; at most "
          + MAX_FILTER_LENGTH + " are allowed");
    }
    if (filter.isEmpty() || filter.contains("/") || filter.contains("\\") || filter.contains("..")
        || filter.indexOf('\0') >= 0) {
      throw new InvalidTaskException(
          "Field [" + field + "]: [" + filter + "] must be a file name pattern without '/', '\\' or '..'");
    }
    return FileSystems.getDefault().getPathMatcher("glob:" + filter.replaceAll("[\\[\\]{}]", "\\\\$0"));
  }
}
