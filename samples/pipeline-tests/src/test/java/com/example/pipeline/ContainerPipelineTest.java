package com.example.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.druidtasks.testcontainers.DruidTasksContainer;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The container, for pipelines tested against images: skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerPipelineTest {
  @Container
  static DruidTasksContainer druid = new DruidTasksContainer();

  @Test
  void thePollerSeesAKafkaIngestionFail() throws Exception {
    IngestionPoller poller = new IngestionPoller(URI.create(druid.getOverlordUrl()), Duration.ofMillis(200));
    String id = poller.submit("""
        {"type": "index_kafka", "dataSchema": {"dataSource": "social_media"},
         "context": {"druidTasks.simulate": {"runTimeMs": 1000, "outcome": "FAILED", "errorMsg": "No brokers"}}}
        """);
    IngestionPoller.Outcome outcome = poller.awaitEnd(id, Duration.ofSeconds(60));
    assertThat(outcome.status()).isEqualTo("FAILED");
    assertThat(outcome.errorMsg()).isEqualTo("No brokers");
    assertThat(outcome.durationMs()).isGreaterThanOrEqualTo(1000);
  }
}
