package dev.druidtasks.server.ingest.segment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.druidtasks.server.task.DataSegment;
import dev.druidtasks.server.task.Directories;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.TaskLog;
import dev.druidtasks.server.task.Timestamps;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a run's segments live: {@code <deepStorage>/<dataSource>/<start>_<end>/<version>/<partitionNum>/},
 * holding the rows file and {@code meta.json}. Remembers what this run created so a failed run can
 * remove it all, and nothing of other tasks'.
 */
final class DeepStorage {
  private static final ObjectWriter META = new ObjectMapper().writerWithDefaultPrettyPrinter();

  private final Path root;
  private final String dataSource;
  private final TaskLog log;
  private final List<Path> createdDirs = new ArrayList<>();
  private final List<SegmentFile> files = new ArrayList<>();

  DeepStorage(Path root, String dataSource, TaskLog log) {
    this.root = root.toAbsolutePath().normalize();
    this.dataSource = dataSource;
    this.log = log;
  }

  /** Opens the rows file of a new segment; its directory must not hold files yet. */
  SegmentFile create(Interval chunk, String version, int partition) throws IOException {
    Path dir = createDirectories(pathPart(dataSource),
        pathPart(Timestamps.format(chunk.start()) + "_" + Timestamps.format(chunk.end())), pathPart(version),
        Integer.toString(partition));
    try (Stream<Path> existing = Files.list(dir)) {
      if (existing.findAny().isPresent()) {
        throw new IOException("Segment directory [" + dir + "] already holds files");
      }
    }
    SegmentFile f = new SegmentFile(dir, partition);
    files.add(f);
    return f;
  }

  void writeMetadata(DataSegment segment, SegmentFile file) throws IOException {
    META.writeValue(file.dir.resolve("meta.json").toFile(), segment);
  }

  /**
   * Creates the levels below the root, remembering the ones this run created. Other tasks of the
   * same data source may create or remove the upper levels at the same time, hence the retries.
   */
  private Path createDirectories(String... parts) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Path dir = root;
      try {
        for (String part : parts) {
          dir = dir.resolve(part);
          if (!Files.isDirectory(dir)) {
            try {
              createdDirs.add(Files.createDirectory(dir));
            } catch (FileAlreadyExistsException e) {
              // made by another task just now
            }
          }
        }
        return dir;
      } catch (NoSuchFileException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /** A name usable as one directory level: no separators, no {@code :}, never {@code .} or {@code ..}. */
  static String pathPart(String s) {
    String r = s.replaceAll("[/\\\\:\\x00-\\x1f\\x7f]", "_");
    return r.isEmpty() || r.equals(".") || r.equals("..") ? "_" + r : r;
  }

  /** Removes every segment and directory this run created; directories other tasks also use stay. */
  void removeAll() {
    for (SegmentFile f : files) {
      f.abandon();
      deleteTree(f.dir, log);
    }
    for (int i = createdDirs.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(createdDirs.get(i));
      } catch (DirectoryNotEmptyException e) {
        // another task's segments live there too
      } catch (IOException e) {
        log.warn("Could not remove [" + createdDirs.get(i) + "]: " + e.getMessage());
      }
    }
  }

  /** Deletes a file or a directory with everything below it; what cannot be deleted is logged. */
  static void deleteTree(Path path, TaskLog log) {
    try {
      Directories.delete(path);
    } catch (IOException e) {
      log.warn("Could not remove [" + path + "]: " + e.getMessage());
    }
  }
}
