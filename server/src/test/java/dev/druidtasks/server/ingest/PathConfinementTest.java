package dev.druidtasks.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.ingest.spec.PathConfinement;
import dev.druidtasks.server.task.InvalidTaskException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code local} input may only come from the allowed directories. */
class PathConfinementTest {
  @TempDir
  Path tmp;
  private Path allowed;
  private Path outside;
  private PathConfinement config;

  @BeforeEach
  void setUp() throws Exception {
    allowed = Files.createDirectories(tmp.resolve("allowed/data"));
    outside = Files.createDirectories(tmp.resolve("secret"));
    Files.writeString(allowed.resolve("ok.json"), "{\"ts\":\"2024-01-01T00:00:00Z\",\"x\":\"in\"}\n");
    Files.writeString(outside.resolve("passwd.json"), "{\"ts\":\"2024-01-01T00:00:00Z\",\"x\":\"secret\"}\n");
    config = new PathConfinement(List.of(tmp.resolve("allowed")), List.of(), tmp.resolve("allowed"));
  }

  private String rejected(ObjectNode spec) {
    return org.assertj.core.api.Assertions.catchThrowableOfType(() -> Specs.read(spec, config),
        InvalidTaskException.class).getMessage();
  }

  @Test
  void relativeBaseDirInsideIsAccepted() throws Exception {
    var out = Specs.run(tmp, Specs.local("data", "*.json"), config, new InMemoryTaskExecution("t", tmp.resolve("e")));

    assertThat(out.stat("processed")).isEqualTo(1);
    assertThat(Specs.read(Specs.local("./data/../data/", "ok.json"), config).payload()
        .at("/spec/ioConfig/inputSource/baseDir").asText()).isEqualTo("./data/../data");
  }

  @Test
  void dotDotOutIsRejected() {
    assertThat(rejected(Specs.local("../secret", "*.json")))
        .isEqualTo("Field [spec.ioConfig.inputSource.baseDir]: [../secret] is outside the directories this server may read");
    assertThat(rejected(Specs.local("data/../../secret", "*")))
        .contains("spec.ioConfig.inputSource.baseDir").contains("outside");
  }

  @Test
  void absolutePathOutsideIsRejected() {
    assertThat(rejected(Specs.local(outside.toString(), "*.json"))).contains("is outside");
    assertThat(rejected(Specs.local("/etc", "passwd"))).contains("is outside");
  }

  @Test
  void absolutePathInsideIsAccepted() throws Exception {
    assertThat(Specs.read(Specs.local(allowed.toString(), "*.json"), config).dataSource()).isEqualTo("ds");
  }

  @Test
  void symlinkThatEscapesIsRejected() throws Exception {
    Files.createSymbolicLink(allowed.resolve("link"), outside);
    Files.createSymbolicLink(allowed.resolve("file-link.json"), outside.resolve("passwd.json"));

    assertThat(rejected(Specs.local("data/link", "*.json")))
        .isEqualTo("Field [spec.ioConfig.inputSource.baseDir]: [data/link] leads outside the directories this server may read");
    ObjectNode files = Specs.inline("");
    Specs.set(files, "/spec/ioConfig/inputSource", "{\"type\":\"local\",\"files\":[\"data/file-link.json\"]}");
    assertThat(rejected(files)).contains("spec.ioConfig.inputSource.files[0]").contains("leads outside");
  }

  @Test
  void symlinkedFileFoundByTheFilterIsSkippedWhenItEscapes() throws Exception {
    Files.createSymbolicLink(allowed.resolve("sneaky.json"), outside.resolve("passwd.json"));
    var out = Specs.run(tmp, Specs.local("data", "*.json"), config, new InMemoryTaskExecution("t", tmp.resolve("e")));

    assertThat(out.stat("processed")).isEqualTo(1);
    assertThat(out.rows()).extracting(r -> r.get("x").asText()).containsExactly("in");
    assertThat(out.execution().log).anyMatch(l -> l.startsWith("WARN Skipping") && l.contains("sneaky.json"));
  }

  @Test
  void missingBaseDirAndFilesAreRejected() {
    assertThat(rejected(Specs.local("nothing-here", "*.json")))
        .isEqualTo("Field [spec.ioConfig.inputSource.baseDir]: [nothing-here] does not exist");
    ObjectNode files = Specs.inline("");
    Specs.set(files, "/spec/ioConfig/inputSource", "{\"type\":\"local\",\"files\":[\"data/none.json\"]}");
    assertThat(rejected(files)).isEqualTo("Field [spec.ioConfig.inputSource.files[0]]: [data/none.json] does not exist");
    assertThat(rejected(Specs.local("data/ok.json", "*"))).contains("is not a directory");
  }

  @Test
  void badFiltersAreRejected() {
    assertThat(rejected(Specs.local("data", "../*.json")))
        .isEqualTo("Field [spec.ioConfig.inputSource.filter]: [../*.json] must be a file name pattern without '/', '\\' or '..'");
    assertThat(rejected(Specs.local("data", "sub/*.json"))).contains("spec.ioConfig.inputSource.filter");
    assertThat(rejected(Specs.local("data", "a\\b"))).contains("spec.ioConfig.inputSource.filter");
    ObjectNode noFilter = Specs.local("data", "x");
    Specs.remove(noFilter, "/spec/ioConfig/inputSource/filter");
    assertThat(rejected(noFilter)).isEqualTo("Missing required field [spec.ioConfig.inputSource.filter]");
  }

  @Test
  void globMatchesLikeCommonsWildcards() throws Exception {
    var p = PathConfinement.fileNames("wiki*-2015-??-12.json.gz", "f");
    assertThat(p.matches(Path.of("wikiticker-2015-09-12.json.gz"))).isTrue();
    assertThat(p.matches(Path.of("wiki-2015-9-12.json.gz"))).isFalse();
    assertThat(p.matches(Path.of("Wikiticker-2015-09-12.json.gz"))).isFalse();
    assertThat(PathConfinement.fileNames("a.b", "f").matches(Path.of("axb"))).isFalse();
    assertThat(PathConfinement.fileNames("[a]{b,c}.json", "f").matches(Path.of("[a]{b,c}.json"))).isTrue();
    assertThat(PathConfinement.fileNames("[a]{b,c}.json", "f").matches(Path.of("ab.json"))).isFalse();
    assertThatThrownBy(() -> PathConfinement.fileNames("..", "f")).isInstanceOf(InvalidTaskException.class);
  }
}
