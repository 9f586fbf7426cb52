package dev.druidtasks.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DruidConfTest {
  @Test
  void everyPlaceholderIsFilled(@TempDir Path work) throws Exception {
    var config = new ReferenceDruidConfig(work, work.resolve("lib"), Path.of("java"),
        Ports.DRUID_DEFAULTS.shifted(100), 3, Duration.ofSeconds(1), java.util.Optional.empty());
    DruidConf.write(config);
    try (Stream<Path> files = Files.walk(DruidConf.confDir(work))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContain("${");
      }
    }
    String common = Files.readString(DruidConf.confDir(work).resolve("_common/common.runtime.properties"));
    assertThat(common).contains("druid.zk.service.host=localhost:2281", "localhost:1627/var/metadata.db");
    String mm = Files.readString(DruidConf.confDir(work).resolve("middleManager/runtime.properties"));
    assertThat(mm).contains("druid.worker.capacity=3", "druid.plaintextPort=8191", "druid.indexer.runner.startPort=8200");
  }

  @Test
  void anUnknownPlaceholderIsABug() {
    assertThatThrownBy(() -> DruidConf.fill("a=${nope}", Map.of())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void portsInUseAreFound() throws Exception {
    try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Ports ports = new Ports(port, port + 1, port + 2, port + 3, port + 4);
      assertThat(ports.busy(1)).contains(port);
    }
  }
}
