package dev.druidtasks.conformance.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.druidtasks.conformance.http.TasksClient;
import dev.druidtasks.conformance.state.SuiteState;
import dev.druidtasks.conformance.state.TaskDriver;
import dev.druidtasks.conformance.stub.StubOverlord;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderStatesTest {

  @Test
  void statesAreMadeThroughTheApiAndTornDown() throws Exception {
    try (StubOverlord stub = new StubOverlord(2, Set.of())) {
      TaskDriver look = new TaskDriver(new TasksClient(stub.uri(), null, null, Duration.ofSeconds(10))::send,
          new SuiteState(Duration.ofSeconds(10)), Duration.ofSeconds(10));

      Map<String, Object> running = ProviderStates.setUp("task query-52as 8aafe-7265-4427-89fe-dc51275cc470 is running",
          stub.uri());
      assertThat(running.get("taskId")).isEqualTo("query-52as%208aafe-7265-4427-89fe-dc51275cc470");
      assertThat(look.status("query-52as 8aafe-7265-4427-89fe-dc51275cc470").runnerStatusCode()).isEqualTo("RUNNING");

      String complete = (String) ProviderStates.setUp("task index_kafka_social_media_0e905aa31037879_nommnaeg is complete",
          stub.uri()).get("taskId");
      assertThat(look.status(complete).statusCode()).isEqualTo("SUCCESS");

      String pending = (String) ProviderStates.setUp("a task is pending", stub.uri()).get("taskId");
      assertThat(look.status(pending).runnerStatusCode()).isEqualTo("PENDING");

      ProviderStates.tearDown(stub.uri());
      assertThat(stub.activeTasks()).isZero();

      // The sample id is complete now: a running task is made under another id, handed to the interaction.
      String instead = URLDecoder.decode((String) ProviderStates.setUp(
          "task query-52as 8aafe-7265-4427-89fe-dc51275cc470 is running", stub.uri()).get("taskId"),
          StandardCharsets.UTF_8);
      assertThat(instead).isNotEqualTo("query-52as 8aafe-7265-4427-89fe-dc51275cc470");
      assertThat(look.status(instead).runnerStatusCode()).isEqualTo("RUNNING");
      ProviderStates.tearDown(stub.uri());
      assertThat(stub.activeTasks()).isZero();

      assertThatThrownBy(() -> ProviderStates.setUp("the moon is full", stub.uri()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(ProviderStates.knows("the moon is full")).isFalse();
    }
  }
}
