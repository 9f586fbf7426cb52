package dev.druidtasks.server.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * Where ingestion tasks may read local files.
 *
 * @param allowedRoots directories under which {@code local} input must lie (after resolving links);
 *     none: {@code local} input is turned off
 * @param deniedRoots directories never read, even under an allowed root (the server's own data:
 *     its database, task logs, segments)
 * @param workingDirectory the directory a relative {@code baseDir} or file path resolves against
 */
public record IngestConfig(List<Path> allowedRoots, List<Path> deniedRoots, Path workingDirectory) {
  public IngestConfig {
    allowedRoots = allowedRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    deniedRoots = deniedRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  /** Allows reading under the working directory only. */
  public static IngestConfig under(Path workingDirectory) {
    return new IngestConfig(List.of(workingDirectory), List.of(), workingDirectory);
  }
}
