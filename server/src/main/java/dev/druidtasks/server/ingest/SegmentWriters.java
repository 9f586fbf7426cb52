package dev.druidtasks.server.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.task.DataSegment;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.TaskExecution;
import dev.druidtasks.server.task.TaskLockException;
import dev.druidtasks.server.task.Timestamps;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes rows into segment files, one open segment per time chunk, cutting a new partition every
 * {@code maxRowsPerSegment} rows. See {@code package-info} for the layout on disk.
 */
final class SegmentWriters {
  private final TaskExecution exec;
  private final IngestionSpec spec;
  private final ObjectMapper json;
  private final Map<Interval, Open> open = new LinkedHashMap<>();
  private final Map<Interval, String> versions = new LinkedHashMap<>();
  private final Map<Interval, Integer> nextPartition = new LinkedHashMap<>();
  private final List<DataSegment> done = new ArrayList<>();
  private final List<Path> written = new ArrayList<>();

  SegmentWriters(TaskExecution exec, IngestionSpec spec, ObjectMapper json) {
    this.exec = exec;
    this.spec = spec;
    this.json = json;
  }

  void write(Interval chunk, Instant time, Map<String, Object> dims) throws IOException {
    Open seg = open.get(chunk);
    if (seg != null && seg.rows >= spec.maxRowsPerSegment()) {
      done.add(seg.close());
      seg = null;
    }
    if (seg == null) {
      seg = openSegment(chunk);
      open.put(chunk, seg);
    }
    seg.add(time, dims);
  }

  private Open openSegment(Interval chunk) throws IOException {
    String version = versions.get(chunk);
    if (version == null) {
      try {
        version = exec.lock(chunk);
      } catch (TaskLockException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
      if (spec.appendToExisting()) {
        List<DataSegment> existing = exec.usedSegments(spec.dataSource(), chunk);
        if (!existing.isEmpty()) {
          version = existing.get(existing.size() - 1).version();
        }
      }
      versions.put(chunk, version);
    }
    int partition;
    if (spec.appendToExisting()) {
      partition = exec.allocatePendingSegment(spec.dataSource(), chunk, version);
    } else {
      partition = nextPartition.merge(chunk, 1, Integer::sum) - 1;
    }
    Path dir = exec.deepStorage().resolve(spec.dataSource())
        .resolve(safe(Timestamps.format(chunk.start())) + "_" + safe(Timestamps.format(chunk.end())))
        .resolve(safe(version)).resolve(String.valueOf(partition));
    Files.createDirectories(dir);
    written.add(dir);
    return new Open(chunk, version, partition, dir);
  }

  private static String safe(String s) {
    return s.replace(':', '_');
  }

  List<DataSegment> finish() throws IOException {
    for (Open seg : open.values()) {
      done.add(seg.close());
    }
    open.clear();
    return List.copyOf(done);
  }

  /** Removes every file written, so a failed or stopped task leaves nothing half-published. */
  void discard() {
    for (Open seg : open.values()) {
      try {
        seg.out.close();
      } catch (IOException | UncheckedIOException ignored) {
        // deleting it anyway
      }
    }
    open.clear();
    for (Path dir : written) {
      deleteTree(dir);
    }
    written.clear();
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
          Files.delete(f);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
          Files.delete(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final class Open {
    final Interval chunk;
    final String version;
    final int partition;
    final Path dir;
    final OutputStream out;
    final JsonGenerator gen;
    final Set<String> dimensions = new LinkedHashSet<>();
    long rows;

    Open(Interval chunk, String version, int partition, Path dir) throws IOException {
      this.chunk = chunk;
      this.version = version;
      this.partition = partition;
      this.dir = dir;
      this.out = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(dir.resolve("rows.json.gz")),
          64 * 1024) {
        {
          def.setLevel(Deflater.BEST_SPEED);
        }
      }, 256 * 1024);
      this.gen = json.getFactory().createGenerator(out);
    }

    void add(Instant time, Map<String, Object> dims) throws IOException {
      gen.writeStartObject();
      gen.writeNumberField("__time", time.toEpochMilli());
      for (Map.Entry<String, Object> e : dims.entrySet()) {
        gen.writeFieldName(e.getKey());
        json.writeValue(gen, e.getValue());
        dimensions.add(e.getKey());
      }
      gen.writeEndObject();
      gen.writeRaw('\n');
      rows++;
    }

    DataSegment close() throws IOException {
      gen.close();
      out.close();
      ObjectNode loadSpec = json.createObjectNode().put("type", "local").put("path", dir.toAbsolutePath().toString());
      ObjectNode shardSpec = json.createObjectNode().put("type", "numbered").put("partitionNum", partition)
          .put("partitions", 0);
      long size = Files.size(dir.resolve("rows.json.gz"));
      DataSegment segment = new DataSegment(spec.dataSource(), chunk, version, partition, loadSpec, shardSpec,
          new ArrayList<>(dimensions), List.of(), size, rows);
      ObjectNode meta = json.createObjectNode();
      meta.put("id", segment.id());
      meta.put("dataSource", segment.dataSource());
      meta.put("interval", chunk.toString());
      meta.put("version", version);
      meta.put("partitionNum", partition);
      meta.put("numRows", rows);
      meta.put("size", size);
      meta.set("dimensions", json.valueToTree(segment.dimensions()));
      meta.set("metrics", json.createArrayNode());
      json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("meta.json").toFile(), meta);
      return segment;
    }
  }
}
