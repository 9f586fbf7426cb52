package dev.druidtasks.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.ingest.CompactTaskType;
import dev.druidtasks.server.ingest.IndexTaskType;
import dev.druidtasks.server.ingest.spec.PathConfinement;
import dev.druidtasks.server.task.InvalidTaskException;
import dev.druidtasks.server.task.Task;
import dev.druidtasks.server.task.TaskTypeRegistry;
import dev.druidtasks.server.task.kill.KillTaskType;
import dev.druidtasks.server.task.noop.NoopTaskType;
import io.dropwizard.jackson.Jackson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code POST /task} does before the database: the body parsed, read into its task type
 * (defaults, validation) and the payload serialised for storage.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SubmissionBenchmark {
  @Param({"noop", "index_parallel"})
  String type;

  private final ObjectMapper json = Jackson.newObjectMapper();
  private TaskTypeRegistry registry;
  private String body;

  @Setup
  public void setUp() throws IOException {
    PathConfinement ingest = PathConfinement.under(Path.of("").toAbsolutePath());
    registry = new TaskTypeRegistry(Clock.systemUTC(), new NoopTaskType(), new IndexTaskType("index_parallel", ingest),
        new IndexTaskType("index", ingest), new KillTaskType(), new CompactTaskType());
    body = type.equals("noop") ? "{\"type\":\"noop\",\"runTime\":1}" : indexParallel();
  }

  /** The seed's index_parallel spec (inline input, about 4.5 KB stored), filled in as the seed does. */
  private static String indexParallel() throws IOException {
    try (InputStream in = SubmissionBenchmark.class.getClassLoader().getResourceAsStream("seed/index_parallel.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("@ID@", "index_parallel_wikipedia_bench").replace("@DATASOURCE@", "wikipedia")
          .replace("@DIMENSIONS@", "[\"page\",\"user\"]").replace("@DATA@", inlineRows());
    }
  }

  /** Forty rows of JSON lines, as the seed's inline input holds. */
  private static String inlineRows() {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      rows.append("{\\\"timestamp\\\":\\\"2026-11-30T").append(String.format("%02d", i % 24))
          .append(":00:00Z\\\",\\\"page\\\":\\\"p").append(i).append("\\\",\\\"user\\\":\\\"u")
          .append(i % 7).append("\\\",\\\"bytes\\\":").append(100 + i).append(",\\\"latency_ms\\\":")
          .append(i * 1.5).append("}\\n");
    }
    return "\"" + rows + "\"";
  }

  @Benchmark
  public String parseValidateSerialise() throws IOException, InvalidTaskException {
    Task task = registry.read((ObjectNode) json.readTree(body));
    return json.writeValueAsString(task.payload());
  }
}
