package dev.druidtasks.server.ingest.read;

import dev.druidtasks.server.task.DataSegment;
import dev.druidtasks.server.task.TaskLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** The inputs of a run, found when it starts; paths are checked again since the disk may have changed. */
public final class InputFiles {
  private InputFiles() {}

  /** One input: a file, or the inline data. */
  public record Entity(String description, Path path, byte[] inline) {
    /** The content, decompressed when the file name ends in {@code .gz}. */
    public InputStream open() throws IOException {
      if (path == null) {
        return new ByteArrayInputStream(inline);
      }
      InputStream in = Files.newInputStream(path);
      if (path.getFileName().toString().endsWith(".gz")) {
        try {
          return new GZIPInputStream(in, 1 << 16);
        } catch (IOException e) {
          in.close();
          throw new IOException("Cannot read [" + path + "] as gzip: " + e.getMessage(), e);
        }
      }
      return in;
    }

    public long size() throws IOException {
      return path == null ? inline.length : Files.size(path);
    }
  }

  public static Entity inline(String data) {
    return new Entity("inline data", null, data.getBytes(StandardCharsets.UTF_8));
  }

  /** The row files of published segments, in the given order ({@code loadSpec.path}/rows.json.gz). */
  public static List<Entity> segmentRows(List<DataSegment> segments) {
    return segments.stream().map(s -> new Entity("segment " + s.id(), s.rowsFile(), null)).toList();
  }

  /**
   * {@code local} input: the regular files under {@code baseDir} (recursively, sorted by path) whose
   * names {@code fileNames} matches, then the listed {@code files}; each once, as its real path, which
   * must be {@code allowed}.
   */
  public static List<Entity> local(Path baseDir, PathMatcher fileNames, List<Path> files, Predicate<Path> allowed,
      TaskLog log) throws IOException {
    Set<Path> found = new LinkedHashSet<>();
    if (baseDir != null) {
      Path base = baseDir.toRealPath();
      if (!allowed.test(base)) {
        throw new IOException("baseDir [" + baseDir + "] now leads outside the directories this server may read");
      }
      List<Path> matches;
      try (Stream<Path> walk = Files.walk(base)) {
        matches = walk.filter(p -> p.getFileName() != null && fileNames.matches(p.getFileName()))
            .filter(Files::isRegularFile).sorted().toList();
      }
      for (Path p : matches) {
        Path real = p.toRealPath();
        if (allowed.test(real)) {
          found.add(real);
        } else {
          log.warn("Skipping [" + p + "]: it links outside the directories this server may read");
        }
      }
    }
    for (Path p : files) {
      Path real = p.toRealPath();
      if (!allowed.test(real)) {
        throw new IOException("File [" + p + "] now leads outside the directories this server may read");
      }
      found.add(real);
    }
    return found.stream().map(p -> new Entity(p.toUri().toString(), p, null)).toList();
  }
}
