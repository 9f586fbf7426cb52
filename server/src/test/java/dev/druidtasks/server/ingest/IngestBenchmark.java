package dev.druidtasks.server.ingest;

import dev.druidtasks.server.ingest.spec.PathConfinement;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.task.Task;
import dev.druidtasks.server.task.TaskResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Ingestion throughput: (1) the doc's wikipedia sample with the doc's submit spec, (2) a generated
 * JSON-lines file (plain, about 1 GB by default) with the same spec shape, rollup off ({@code --rollup}:
 * rollup by hour on four dimensions; {@code --rollup-all}: rollup on every column, which keeps nearly
 * every row and so exercises spilling and merging; {@code --filter}: a {@code transformSpec.filter} of
 * and, or, not, in, bound, like and regex that keeps most rows, on both inputs). Prints the
 * median of N runs in rows/s and MB/s of uncompressed input.
 *
 * <p>Run it with {@code server/bench/ingest-benchmark.sh [--size-mb N] [--runs N] [--skip-wikipedia]
 * [--skip-generated] [--rollup] [--rollup-all] [--shuffled] [--filter] [--warmups N]} (heap limited to 256 MB), or in Maven's JVM with
 * {@code mvn -q -o -pl server test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java
 * -Dexec.mainClass=dev.druidtasks.server.ingest.IngestBenchmark -Dexec.classpathScope=test
 * -Dexec.args="--size-mb 1024 --runs 3"}. The same settings are read from system properties
 * {@code bench.sizeMb}, {@code bench.runs}.
 */
public final class IngestBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    long sizeMb = Long.getLong("bench.sizeMb", 1024);
    int runs = Integer.getInteger("bench.runs", 3);
    boolean wikipedia = true;
    boolean generated = true;
    boolean rollup = false;
    boolean shuffled = false;
    boolean rollupAll = false;
    boolean filter = false;
    // the sample takes a fraction of a second: let the JIT warm up on it first
    int warmups = Integer.getInteger("bench.warmups", 3);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--size-mb" -> sizeMb = Long.parseLong(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--skip-wikipedia" -> wikipedia = false;
        case "--skip-generated" -> generated = false;
        case "--rollup" -> rollup = true;
        case "--rollup-all" -> {
          rollup = true;
          rollupAll = true;
        }
        case "--shuffled" -> shuffled = true;
        case "--filter" -> filter = true;
        case "--warmups" -> warmups = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
      }
    }
    System.out.printf(Locale.ROOT, "JVM max heap %d MB, %d processors, runs %d%n",
        Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), runs);
    Path tmp = Files.createTempDirectory("ingest-bench");
    try {
      if (wikipedia) {
        Path root = DocSamples.repositoryRoot();
        ObjectNode spec = filtered(DocSamples.submitRequest("bench"), filter);
        measure("wikipedia sample (gz, 17.1 MB uncompressed" + (filter ? ", filtered" : "") + ")", spec,
            PathConfinement.under(root), tmp, warmups, runs);
      }
      if (generated) {
        Path data = Files.createDirectories(tmp.resolve("data"));
        long t0 = System.nanoTime();
        long rows = generate(data.resolve("events.json"), sizeMb << 20, shuffled);
        System.out.printf(Locale.ROOT, "generated %d rows, %d MB in %.1f s%n", rows,
            Files.size(data.resolve("events.json")) >> 20, (System.nanoTime() - t0) / 1e9);
        ObjectNode spec = filtered(DocSamples.submitRequest("bench"), filter);
        ObjectNode schema = (ObjectNode) spec.at("/spec/dataSchema");
        schema.put("dataSource", "generated");
        ((ObjectNode) schema.get("timestampSpec")).put("column", "timestamp");
        ObjectNode granularity = (ObjectNode) schema.get("granularitySpec");
        granularity.putArray("intervals").add("2024-01-01/2024-01-03");
        granularity.put("rollup", rollup);
        if (rollup) {
          schema.putArray("metricsSpec").addObject().put("type", "count").put("name", "count");
          ((ObjectNode) schema.at("/metricsSpec/0")).put("type", "count");
          schema.withArray("metricsSpec").addObject().put("type", "longSum").put("name", "added").put("fieldName", "added");
          granularity.put("queryGranularity", rollupAll ? "none" : "hour");
          if (!rollupAll) {
            ObjectNode dims = schema.putObject("dimensionsSpec");
            dims.putArray("dimensions").add("channel").add("namespace").add("isRobot").add("countryName");
          }
        }
        ObjectNode source = (ObjectNode) spec.at("/spec/ioConfig/inputSource");
        source.put("baseDir", data.toString());
        source.put("filter", "*.json");
        ((ObjectNode) spec.at("/spec/tuningConfig")).put("maxRowsInMemory", 100_000);
        measure("generated JSON lines (" + sizeMb + " MB, rollup " + rollup + (shuffled ? ", shuffled" : "")
            + (filter ? ", filtered" : "") + ")",
            spec, PathConfinement.under(tmp), tmp, 0, runs);
      }
    } finally {
      deleteTree(tmp);
    }
  }

  /**
   * With {@code on}, a filter over columns both inputs have, evaluated on every row: keeps the rows of the
   * usual channels or with edits, drops talk pages and one namespace that is never there.
   */
  private static ObjectNode filtered(ObjectNode spec, boolean on) throws IOException {
    if (on) {
      ((ObjectNode) spec.at("/spec/dataSchema")).putObject("transformSpec").set("filter", JSON.readTree("""
          {"type": "and", "fields": [
            {"type": "or", "fields": [
              {"type": "in", "dimension": "channel", "values": ["#en.wikipedia", "#de.wikipedia", "#fr.wikipedia"]},
              {"type": "bound", "dimension": "added", "lower": "0", "ordering": "numeric"}]},
            {"type": "not", "field": {"type": "like", "dimension": "page", "pattern": "Talk:%"}},
            {"type": "not", "field": {"type": "regex", "dimension": "namespace", "pattern": "^Spam$"}}]}
          """));
    }
    return spec;
  }

  private static void measure(String name, ObjectNode spec, PathConfinement config, Path tmp, int warmups, int runs)
      throws Exception {
    List<double[]> results = new ArrayList<>();
    for (int i = -warmups; i < runs; i++) {
      Path root = Files.createDirectories(tmp.resolve("run-" + i));
      InMemoryTaskExecution execution = new InMemoryTaskExecution("bench", root);
      Task task = Specs.read(spec.deepCopy(), config);
      long t0 = System.nanoTime();
      TaskResult result = task.run(execution);
      double seconds = (System.nanoTime() - t0) / 1e9;
      if (!result.succeeded()) {
        throw new IllegalStateException("ingestion failed: " + result.errorMsg());
      }
      ObjectNode stats = execution.buildSegmentsStats();
      long rows = stats.get("processed").asLong();
      long bytes = stats.get("processedBytes").asLong();
      long written = result.segments().stream().mapToLong(s -> s.size()).sum();
      deleteTree(root);
      if (i < 0) {
        System.out.printf(Locale.ROOT, "  warm-up: %.2f s%n", seconds);
        continue;
      }
      System.out.printf(Locale.ROOT, "  run %d: %d rows, %.1f MB in %.2f s = %.0f rows/s, %.1f MB/s; %d segment(s), %.1f MB gz%n",
          i + 1, rows, bytes / 1e6, seconds, rows / seconds, bytes / 1e6 / seconds, result.segments().size(),
          written / 1e6);
      results.add(new double[] {rows / seconds, bytes / 1e6 / seconds});
    }
    results.sort(Comparator.comparingDouble(r -> r[1]));
    double[] median = results.get(results.size() / 2);
    System.out.printf(Locale.ROOT, "%s: median %.0f rows/s, %.1f MB/s%n", name, median[0], median[1]);
  }

  private static final String[] CHANNELS = {"#en.wikipedia", "#de.wikipedia", "#fr.wikipedia", "#ja.wikipedia",
      "#ru.wikipedia", "#es.wikipedia", "#it.wikipedia", "#vi.wikipedia"};
  private static final String[] NAMESPACES = {"Main", "Talk", "User", "User talk", "Wikipedia", "Category", "File"};
  private static final String[] COUNTRIES = {"United States", "Germany", "France", "Japan", "Brazil", "India", "Italy"};

  /**
   * Wikipedia-like edit events over one day, until {@code bytes} are written: in time order, or at
   * random times when {@code shuffled} (which makes the run sort and spill).
   */
  static long generate(Path file, long bytes, boolean shuffled) throws IOException {
    Random random = new Random(42);
    long start = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    long estimatedRows = Math.max(1, bytes / 420);
    long written = 0;
    long rows = 0;
    StringBuilder line = new StringBuilder(512);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      while (written < bytes) {
        long t = shuffled ? start + (long) (random.nextDouble() * 86_400_000L) : start + rows * 86_400_000L / estimatedRows;
        int added = random.nextInt(2000);
        int deleted = random.nextInt(200);
        line.setLength(0);
        line.append("{\"timestamp\":\"").append(Instant.ofEpochMilli(Math.min(t, start + 86_399_999L)))
            .append("\",\"channel\":\"").append(CHANNELS[random.nextInt(CHANNELS.length)])
            .append("\",\"cityName\":").append(random.nextInt(4) == 0 ? "\"City " + random.nextInt(500) + "\"" : "null")
            .append(",\"comment\":\"edit ").append(Long.toHexString(random.nextLong()))
            .append(" fixed a typo in the section about ").append(random.nextInt(100000))
            .append("\",\"countryIsoCode\":null,\"countryName\":\"").append(COUNTRIES[random.nextInt(COUNTRIES.length)])
            .append("\",\"isAnonymous\":").append(random.nextBoolean())
            .append(",\"isMinor\":").append(random.nextBoolean())
            .append(",\"isNew\":").append(random.nextInt(10) == 0)
            .append(",\"isRobot\":").append(random.nextInt(5) == 0)
            .append(",\"isUnpatrolled\":false,\"metroCode\":null,\"namespace\":\"")
            .append(NAMESPACES[random.nextInt(NAMESPACES.length)])
            .append("\",\"page\":\"Page ").append(random.nextInt(1_000_000))
            .append("\",\"regionIsoCode\":null,\"regionName\":null,\"user\":\"User")
            .append(random.nextInt(50_000))
            .append("\",\"delta\":").append(added - deleted)
            .append(",\"added\":").append(added)
            .append(",\"deleted\":").append(deleted)
            .append("}\n");
        out.append(line);
        written += line.length();
        rows++;
      }
    }
    return rows;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
