package dev.druidtasks.server.ingest;

import dev.druidtasks.server.ingest.spec.PathConfinement;
import dev.druidtasks.server.ingest.IngestionSpec.InlineInput;
import dev.druidtasks.server.ingest.IngestionSpec.InputSource;
import dev.druidtasks.server.ingest.IngestionSpec.LocalInput;
import dev.druidtasks.server.task.TaskLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** The inputs of a run, found when it starts; paths are checked again since the disk may have changed. */
final class InputFiles {
  private InputFiles() {}

  /** One input: a file, or the inline data. */
  record Entity(String description, Path path, byte[] inline) {
    /** The content, decompressed when the file name ends in {@code .gz}. */
    InputStream open() throws IOException {
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

    long size() throws IOException {
      return path == null ? inline.length : Files.size(path);
    }
  }

  static List<Entity> list(InputSource source, PathConfinement confinement, TaskLog log) throws IOException {
    if (source instanceof InlineInput inline) {
      return List.of(new Entity("inline data", null, inline.data().getBytes(StandardCharsets.UTF_8)));
    }
    LocalInput local = (LocalInput) source;
    Set<Path> found = new LinkedHashSet<>();
    if (local.baseDir() != null) {
      Path base = local.baseDir().toRealPath();
      if (!confinement.allows(base)) {
        throw new IOException("baseDir [" + local.baseDir() + "] now leads outside the directories this server may read");
      }
      Pattern glob;
      try {
        glob = PathConfinement.globPattern(local.filter(), "filter");
      } catch (dev.druidtasks.server.task.InvalidTaskException e) {
        throw new IOException(e.getMessage(), e);
      }
      List<Path> matches = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(base)) {
        walk.filter(p -> glob.matcher(p.getFileName().toString()).matches())
            .filter(Files::isRegularFile)
            .forEach(matches::add);
      }
      matches.sort(null);
      for (Path p : matches) {
        Path real = p.toRealPath();
        if (confinement.allows(real)) {
          found.add(real);
        } else {
          log.warn("Skipping [" + p + "]: it links outside the directories this server may read");
        }
      }
    }
    for (Path p : local.files()) {
      Path real = p.toRealPath();
      if (!confinement.allows(real)) {
        throw new IOException("File [" + p + "] now leads outside the directories this server may read");
      }
      found.add(real);
    }
    List<Entity> out = new ArrayList<>();
    for (Path p : found) {
      out.add(new Entity(p.toUri().toString(), p, null));
    }
    return out;
  }
}
