package dev.druidtasks.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DruidConfTest {
  @Test
  void everyPlaceholderIsFilled(@TempDir Path work) throws Exception {
    var config = new ReferenceDruidConfig(work, work.resolve("lib"), Path.of("java"),
        Ports.DRUID_DEFAULTS.shifted(100), 3, Duration.ofSeconds(1), Optional.empty());
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
  void aDefaultStartLoadsNoExtension(@TempDir Path work) throws Exception {
    DruidConf.write(config(work));
    String common = Files.readString(DruidConf.confDir(work).resolve("_common/common.runtime.properties"));
    assertThat(common).contains("druid.extensions.loadList=[]").doesNotContain("druid.auth.authenticatorChain");
  }

  @Test
  void aSecuredStartConfiguresOneBasicAuthenticatorAuthorizerAndEscalator(@TempDir Path work) throws Exception {
    var config = config(work).withBasicSecurity(new BasicSecurity("admin-pw1", "internal-pw2", true));
    DruidConf.write(config);
    String common = Files.readString(DruidConf.confDir(work).resolve("_common/common.runtime.properties"));
    assertThat(common).doesNotContain("${").contains(
        "druid.extensions.loadList=[\"druid-basic-security\"]",
        "druid.extensions.directory=" + config.extensionsDir(),
        "druid.auth.authenticatorChain=[\"basic\"]",
        "druid.auth.authenticator.basic.credentialsValidator.type=metadata",
        "druid.auth.authenticator.basic.initialAdminPassword=admin-pw1",
        "druid.auth.authenticator.basic.initialInternalClientPassword=internal-pw2",
        "druid.escalator.internalClientUsername=druid_system",
        "druid.escalator.internalClientPassword=internal-pw2",
        "druid.auth.authorizers=[\"basic\"]",
        "druid.auth.enableInputSourceSecurity=true");
  }

  @Test
  void aPasswordNoLayerRewritesIsRequired() {
    assertThatThrownBy(() -> BasicSecurity.withAdminPassword("with blank")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("admin password");
    assertThatThrownBy(() -> BasicSecurity.withAdminPassword("back\\slash")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BasicSecurity.withAdminPassword("12345")).isInstanceOf(IllegalArgumentException.class);
    assertThat(BasicSecurity.withAdminPassword("s3cret!#").internalClientPassword()).isEqualTo("internal-s3cret!#");
    assertThat(BasicSecurity.authorization("admin", "pw1")).isEqualTo("Basic YWRtaW46cHcx");
  }

  private static ReferenceDruidConfig config(Path work) {
    return new ReferenceDruidConfig(work, work.resolve("lib"), Path.of("java"), Ports.DRUID_DEFAULTS, 1,
        Duration.ofSeconds(1), Optional.empty());
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
