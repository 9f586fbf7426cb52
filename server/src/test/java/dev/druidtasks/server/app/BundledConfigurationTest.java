package dev.druidtasks.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.util.DataSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;
import org.eclipse.jetty.http.UriCompliance;
import org.junit.jupiter.api.Test;

/** The bundled druid-tasks.yml: the same defaults as a file-less configuration; flags, environment and a file over it. */
class BundledConfigurationTest {
  private static DruidTasksConfiguration build(Map<String, String> variables, String path) throws Exception {
    return new YamlConfigurationFactory<>(DruidTasksConfiguration.class, Validators.newValidator(),
        Jackson.newObjectMapper(), "dw")
        .build(new SubstitutingSourceProvider(new LayeredSource(variables::containsKey),
            new StringSubstitutor(variables::get)), path);
  }

  private static HttpConnectorFactory connector(DruidTasksConfiguration c, boolean admin) {
    DefaultServerFactory s = (DefaultServerFactory) c.getServerFactory();
    return (HttpConnectorFactory) (admin ? s.getAdminConnectors() : s.getApplicationConnectors()).get(0);
  }

  @Test
  void aFileLessConfigurationHasTheBundledDefaults() {
    DruidTasksConfiguration none = new DruidTasksConfiguration();
    assertThat(connector(none, false).getPort()).isEqualTo(8888);
    assertThat(connector(none, true).getPort()).isEqualTo(8889);
    assertThat(connector(none, false).getUriCompliance()).isEqualTo(UriCompliance.UNSAFE);
    assertThat(connector(none, false).getMaxRequestHeaderSize()).isEqualTo(DataSize.kibibytes(64));
    DefaultServerFactory server = (DefaultServerFactory) none.getServerFactory();
    assertThat(server.getRegisterDefaultExceptionMappers()).isFalse();
    assertThat(server.getJerseyRootPath()).contains("/");
    assertThat(none.getDataDir()).isEqualTo("./var");
    assertThat(none.getHost()).isEqualTo("localhost");
    assertThat(none.getWorkerCapacity()).isEqualTo(2);
    assertThat(none.getDatabase().getUrl()).isEqualTo(DruidTasksConfiguration.EMBEDDED);
    assertThat(none.getDatabase().getUser()).isEqualTo("postgres");
    assertThat(none.getDatabase().getPassword()).isEmpty();
    assertThat(none.getDatabase().getMaxSize()).isEqualTo(32);
  }

  @Test
  void commandsReadTheBundledFileWithTheirFlags() throws Exception {
    DruidTasksConfiguration c = build(Map.of("DRUID_TASKS_PORT", "9001", "DRUID_TASKS_CAPACITY", "0"),
        LayeredSource.BUNDLED);
    assertThat(connector(c, false).getPort()).isEqualTo(9001);
    assertThat(connector(c, false).getUriCompliance()).isEqualTo(UriCompliance.UNSAFE);
    assertThat(c.getWorkerCapacity()).isZero();
  }

  @Test
  void flagsAndEnvironmentWinOverAFileLayeredOverTheDefaults() throws Exception {
    Path file = Files.createTempFile("node", ".yml");
    Files.writeString(file, "tick: 50ms\nhost: from-file\ndataDir: /tmp/from-file\n"
        + "server:\n  applicationConnectors:\n    - type: http\n      port: 9001\n");
    DruidTasksConfiguration c = build(Map.of("DRUID_TASKS_HOST", "from-flag", "DRUID_TASKS_ADMIN_PORT", "9102"),
        file.toString());
    assertThat(c.getTick().toMilliseconds()).isEqualTo(50);
    assertThat(c.getHost()).isEqualTo("from-flag");
    assertThat(c.getDataDir()).isEqualTo("/tmp/from-file");
    assertThat(connector(c, false).getPort()).isEqualTo(9001);
    assertThat(connector(c, true).getPort()).isEqualTo(9102);
    assertThat(c.getWorkerCapacity()).isEqualTo(2);
  }
}
