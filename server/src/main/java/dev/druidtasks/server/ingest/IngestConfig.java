package dev.druidtasks.server.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * Where ingestion tasks may read local files.
 *
 * @param allowedRoots directories under which {@code local} input must lie (after resolving links)
 * @param workingDirectory the directory a relative {@code baseDir} or file path resolves against
 */
public record IngestConfig(List<Path> allowedRoots, Path workingDirectory) {
  public IngestConfig {
    allowedRoots = allowedRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  /** Allows reading under the working directory only. */
  public static IngestConfig under(Path workingDirectory) {
    return new IngestConfig(List.of(workingDirectory), workingDirectory);
  }
}
