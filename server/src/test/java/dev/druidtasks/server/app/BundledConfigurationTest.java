package dev.druidtasks.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;
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
  void bundledDefaultsAreTheFileLessDefaults() throws Exception {
    DruidTasksConfiguration bundled = build(Map.of(), LayeredSource.BUNDLED);
    DruidTasksConfiguration none = new DruidTasksConfiguration();
    for (boolean admin : new boolean[] {false, true}) {
      assertThat(connector(bundled, admin).getPort()).isEqualTo(connector(none, admin).getPort());
      assertThat(connector(bundled, admin).getUriCompliance()).isEqualTo(connector(none, admin).getUriCompliance());
      assertThat(connector(bundled, admin).getMaxRequestHeaderSize())
          .isEqualTo(connector(none, admin).getMaxRequestHeaderSize());
    }
    DefaultServerFactory b = (DefaultServerFactory) bundled.getServerFactory();
    DefaultServerFactory n = (DefaultServerFactory) none.getServerFactory();
    assertThat(b.getRegisterDefaultExceptionMappers()).isEqualTo(n.getRegisterDefaultExceptionMappers());
    assertThat(b.getJerseyRootPath()).isEqualTo(n.getJerseyRootPath());
    assertThat(bundled.getDataDir()).isEqualTo(none.getDataDir());
    assertThat(bundled.getHost()).isEqualTo(none.getHost());
    assertThat(bundled.getWorkerCapacity()).isEqualTo(none.getWorkerCapacity());
    assertThat(bundled.getDatabase().getUrl()).isEqualTo(none.getDatabase().getUrl());
    assertThat(bundled.getDatabase().getUser()).isEqualTo(none.getDatabase().getUser());
    assertThat(bundled.getDatabase().getPassword()).isEqualTo(none.getDatabase().getPassword());
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
