package dev.druidtasks.server.ingest.segment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.druidtasks.server.ingest.segment.TimeChunk.Row;
import dev.druidtasks.server.task.TaskLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalSortTest {
  private static final TaskLog LOG = new TaskLog() {
    @Override
    public void info(String message) {}

    @Override
    public void warn(String message) {}

    @Override
    public void error(String message) {}
  };

  @TempDir
  Path tmp;

  private static ExternalSort.Run of(List<Row> rows) {
    Iterator<Row> it = rows.iterator();
    return () -> it.hasNext() ? it.next() : null;
  }

  private static Row row(long time, String bytes, long... state) {
    return new Row(time, bytes.getBytes(StandardCharsets.UTF_8), state);
  }

  private static List<String> drain(ExternalSort.Run run) throws Exception {
    List<String> out = new ArrayList<>();
    try (run) {
      for (Row r = run.next(); r != null; r = run.next()) {
        out.add(r.time() + ":" + new String(r.bytes(), StandardCharsets.UTF_8)
            + (r.state().length == 0 ? "" : "=" + r.state()[0]));
      }
    }
    return out;
  }

  @Test
  void moreRunsThanOpenAtOnceMergeInTimeOrderWithEqualTimesInArrivalOrder() throws Exception {
    ExternalSort sort = new ExternalSort(tmp.resolve("spill"), 0, null, () -> {}, LOG);
    List<Path> runs = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int run = 0; run < 150; run++) {
      runs.add(sort.spill(of(List.of(row(run % 3, "r" + run + "a"), row(10, "r" + run + "b")))));
    }
    for (int t : new int[] {0, 1, 2}) {
      for (int run = t; run < 150; run += 3) {
        expected.add(t + ":r" + run + "a");
      }
    }
    for (int run = 0; run < 150; run++) {
      expected.add("10:r" + run + "b");
    }
    expected.add("11:held");

    assertThat(drain(sort.merge(runs, of(List.of(row(11, "held")))))).isEqualTo(expected);
    try (Stream<Path> left = Files.list(tmp.resolve("spill"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void rollupCombinesEqualKeysAcrossRunsAndTheHeldGroups() throws Exception {
    ExternalSort sort = new ExternalSort(tmp.resolve("spill"), 1, (into, from) -> into[0] += from[0], () -> {}, LOG);
    List<Path> runs = new ArrayList<>();
    for (int run = 0; run < 100; run++) {
      runs.add(sort.spill(of(List.of(row(1, "a", 1), row(1, "b", 10), row(2, "a", 100)))));
    }

    assertThat(drain(sort.merge(runs, of(List.of(row(1, "b", 5), row(3, "c", 7))))))
        .containsExactly("1:a=100", "1:b=1005", "2:a=10000", "3:c=7");
  }
}
