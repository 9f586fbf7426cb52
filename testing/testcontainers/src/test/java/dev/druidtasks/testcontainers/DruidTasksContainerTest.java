package dev.druidtasks.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The image answers the Tasks API and the control API; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class DruidTasksContainerTest {
  @Container
  static DruidTasksContainer druid = new DruidTasksContainer();

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void aNoopRunsInTheContainer() throws Exception {
    HttpResponse<String> submitted = HTTP.send(HttpRequest.newBuilder(URI.create(druid.getOverlordUrl()
            + "/druid/indexer/v1/task")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"noop\",\"id\":\"in-a-container\",\"runTime\":10}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(submitted.statusCode()).isEqualTo(200);
    HttpResponse<String> reset = HTTP.send(HttpRequest.newBuilder(URI.create(druid.getOverlordUrl()
        + "/druid-tasks/v1/control/reset")).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(reset.statusCode()).isEqualTo(200);
  }
}
