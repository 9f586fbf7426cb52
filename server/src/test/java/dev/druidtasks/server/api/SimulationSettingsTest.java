package dev.druidtasks.server.api;

import static dev.druidtasks.server.TestServer.API;
import static org.assertj.core.api.Assertions.assertThat;

import dev.druidtasks.server.TestServer;
import io.dropwizard.testing.ConfigOverride;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Simulation limited to some types and the control API turned off, as a production node would run. */
class SimulationSettingsTest {
  @TempDir static Path dir;
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(dir.resolve("data"), ConfigOverride.config("simulation.types", "index_kafka"),
        ConfigOverride.config("simulation.controlApi", "false"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void onlyTheChosenTypesAreSimulated() {
    assertThat(server.awaitComplete(server.submit("{\"type\":\"index_kafka\",\"dataSource\":\"k\"}"))
        .get("status").asText()).isEqualTo("SUCCESS");
    HttpResponse<String> r = server.post(API + "/task", "application/json", "{\"type\":\"query_worker\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("query_worker");
  }

  @Test
  void theControlApiIsNotServed() {
    assertThat(server.post("/druid-tasks/v1/control/reset", null, null).statusCode()).isEqualTo(404);
    assertThat(server.get("/druid-tasks/v1/control").statusCode()).isEqualTo(404);
  }
}
