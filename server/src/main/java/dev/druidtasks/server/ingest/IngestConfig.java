package dev.druidtasks.server.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * Where ingestion may read: relative {@code baseDir}s resolve against {@code workingDir} and every
 * file read must lie inside one of {@code allowedRoots}.
 */
public record IngestConfig(Path workingDir, List<Path> allowedRoots) {
  public IngestConfig {
    allowedRoots = List.copyOf(allowedRoots);
  }
}
