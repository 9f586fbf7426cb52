package dev.druidtasks.benchmarks;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.druidtasks.server.store.TaskRecord;
import dev.druidtasks.server.task.TaskLocation;
import dev.druidtasks.server.task.TaskState;
import dev.druidtasks.server.task.Timestamps;
import io.dropwizard.jackson.Jackson;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * A task list as the server writes it: rows handed one by one to the generator of the answer, with
 * the mapper the server uses (Dropwizard's). The 24 h list of a store of 10⁶ is about 2 700 rows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ListRenderingBenchmark {
  @Param({"100", "2700"})
  int rows;

  private final ObjectMapper json = Jackson.newObjectMapper();
  private ObjectWriter writer;
  private List<TaskRecord> records;

  @Setup
  public void setUp() {
    writer = json.writerFor(TaskRecord.class);
    records = new ArrayList<>();
    Instant t = Instant.parse("2026-11-30T12:00:00Z");
    for (int i = 0; i < rows; i++) {
      Instant created = t.plusSeconds(32L * i);
      String id = "index_parallel_wikipedia_abcdefgh_" + Timestamps.format(created);
      boolean failed = i % 16 == 0;
      records.add(new TaskRecord(id, id, "index_parallel", created, Instant.EPOCH,
          failed ? TaskState.FAILED : TaskState.SUCCESS, 12_345 + i, TaskLocation.UNKNOWN, "wikipedia",
          failed ? "Task failed because worker[worker-1] stopped responding" : null));
    }
  }

  @Benchmark
  public long rowByRow() throws IOException {
    CountingStream out = new CountingStream();
    try (JsonGenerator g = json.getFactory().createGenerator(out)) {
      g.writeStartArray();
      for (TaskRecord r : records) {
        writer.writeValue(g, r);
      }
      g.writeEndArray();
    }
    return out.count;
  }

  @Benchmark
  public String oneInstant() {
    return Timestamps.format(records.get(0).createdTime());
  }

  /** Counts what is written, so the work cannot be optimised away and nothing is kept. */
  static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
