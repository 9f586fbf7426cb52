package com.example.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.druidtasks.junit.DruidTasksTest;
import dev.druidtasks.junit.DruidTasksUrl;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The extension: a server in this JVM, emptied before each test; the task's behaviour is in its context. */
@DruidTasksTest
class KafkaIngestionFailureTest {
  private static final String KAFKA_SPEC = """
      {"type": "index_kafka",
       "id": "index_kafka_social_media_0e905aa31037879_nommnaeg",
       "dataSchema": {"dataSource": "social_media", "timestampSpec": {"column": "__time"}},
       "ioConfig": {"type": "kafka", "topic": "social_media", "consumerProperties": {"bootstrap.servers": "kafka:9092"}},
       "context": {"druidTasks.simulate": {"runTimeMs": 1500, "outcome": "FAILED",
                                           "errorMsg": "Kafka broker kafka:9092 is unreachable",
                                           "logLines": ["Seeking to the latest offsets"]}}}
      """;

  @Test
  void thePollerSeesTheIngestionFailAfterItsRunTime(@DruidTasksUrl URI druid) throws Exception {
    IngestionPoller poller = new IngestionPoller(druid, Duration.ofMillis(100));
    String id = poller.submit(KAFKA_SPEC);
    IngestionPoller.Outcome outcome = poller.awaitEnd(id, Duration.ofSeconds(60));

    assertThat(outcome.taskId()).isEqualTo("index_kafka_social_media_0e905aa31037879_nommnaeg");
    assertThat(outcome.status()).isEqualTo("FAILED");
    assertThat(outcome.errorMsg()).isEqualTo("Kafka broker kafka:9092 is unreachable");
    assertThat(outcome.durationMs()).isGreaterThanOrEqualTo(1500);
    assertThat(outcome.polls()).isGreaterThan(1); // it saw RUNNING before the end
  }

  @Test
  void eachTestStartsEmpty(@DruidTasksUrl URI druid) throws Exception {
    // the id of the test above may be used again: the server was reset in between
    IngestionPoller poller = new IngestionPoller(druid, Duration.ofMillis(50));
    String id = poller.submit(KAFKA_SPEC.replace("\"runTimeMs\": 1500", "\"runTimeMs\": 10"));
    assertThat(poller.awaitEnd(id, Duration.ofSeconds(60)).status()).isEqualTo("FAILED");
  }
}
