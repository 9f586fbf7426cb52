package dev.druidtasks.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Without Docker too: the container names the image of its own version. */
class DefaultImageTest {
  @Test
  void theDefaultImageIsOfThisVersion() {
    assertThat(DruidTasksContainer.defaultImage().asCanonicalNameString()).isEqualTo("druid-tasks:0.1.0-SNAPSHOT");
  }

  @Test
  void theContainerIsConfiguredWithoutTouchingDocker() {
    try (DruidTasksContainer c = new DruidTasksContainer().withCapacity(3)) {
      assertThat(c.getExposedPorts()).containsExactly(DruidTasksContainer.PORT, DruidTasksContainer.ADMIN_PORT);
      assertThat(c.getEnvMap()).containsEntry("DRUID_TASKS_CAPACITY", "3")
          .containsEntry("DRUID_TASKS_JDBC_URL", "jdbc:postgresql://druid-tasks-db:5432/postgres");
    }
  }
}
