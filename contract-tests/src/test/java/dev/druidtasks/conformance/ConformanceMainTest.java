package dev.druidtasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.druidtasks.conformance.stub.StubOverlord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceMainTest {

  @Test
  void readsEveryOption() {
    ConformanceOptions o = ConformanceMain.parse(new String[] {"--target", "http://h:8888", "--user", "u",
        "--password", "p", "--only", "getTasks,/task", "shutdown.running", "--tags", "druid", "--skip-tags", "doc",
        "--capabilities-off", "logs,ingestion", "--report-dir", "out", "--spec", "s.yaml", "--timeout-seconds", "9"});
    assertThat(o.target().toString()).isEqualTo("http://h:8888");
    assertThat(o.user()).isEqualTo("u");
    assertThat(o.only()).containsExactly("getTasks", "/task", "shutdown.running");
    assertThat(o.tags()).containsExactly(Tag.DRUID);
    assertThat(o.skipTags()).containsExactly(Tag.DOC);
    assertThat(o.capabilitiesOff()).containsExactlyInAnyOrder(Capability.LOGS, Capability.INGESTION);
    assertThat(o.reportDir()).isEqualTo(Path.of("out"));
    assertThat(o.specFile()).isEqualTo(Path.of("s.yaml"));
    assertThat(o.timeout().toSeconds()).isEqualTo(9);
  }

  @Test
  void usageErrorsExitWith2() {
    assertThat(ConformanceMain.exitCode(new String[] {})).isEqualTo(2);
    assertThat(ConformanceMain.exitCode(new String[] {"--target", "http://h", "--only", "nope"})).isEqualTo(2);
    assertThat(ConformanceMain.exitCode(new String[] {"--target", "http://h", "--capabilities-off", "core"}))
        .isEqualTo(2);
  }

  @Test
  void onlyOneEndpointRunsAndTheRestIsDisabled(@TempDir Path dir) throws Exception {
    try (StubOverlord stub = new StubOverlord(2, Set.of())) {
      Path spec = dir.resolve("spec.yaml");
      try (var in = ConformanceMainTest.class.getResourceAsStream("/tasks-api.yaml")) {
        Files.write(spec, in.readAllBytes());
      }
      int code = ConformanceMain.exitCode(new String[] {"--target", stub.uri().toString(), "--only", "getHealth",
          "/task/{taskId}/log", "--spec", spec.toString(), "--report-dir", dir.toString()});
      assertThat(code).isZero();
      String md = Files.readString(dir.resolve("conformance-report.md"));
      assertThat(md).contains("| PASS | `health.true`", "| PASS | `log.offset.negative`", "| DISABLED | `tasks.max`");
      assertThat(Files.readString(dir.resolve("TEST-conformance.xml"))).contains("name=\"health.true [doc,druid]\"");
    }
  }
}
