package dev.druidtasks.server.app;

import static dev.druidtasks.server.TestServer.API;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.TestServer;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seeded tasks are served as tasks the server ran itself: lists, payloads, statuses. */
class SeedCommandTest {
  private static final int TASKS = 3000;
  private static Path dataDir;
  private static TestServer server;
  private static Instant seededAt;

  @BeforeAll
  static void seedThenServe() throws Exception {
    dataDir = Files.createTempDirectory("seed-test");
    seededAt = Instant.now();
    new DruidTasksApplication().run("seed", "--tasks", Integer.toString(TASKS), "--data-dir", dataDir.toString(),
        "--datasources", "5", "--days", "30");
    server = TestServer.start(dataDir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static final String RESUBMITTED = "resubmitted-";

  /** The seeded tasks of a list (another test submits one of its own). */
  private static List<JsonNode> list(String query) {
    var r = server.get(API + query);
    assertThat(r.statusCode()).as(query).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    server.json(r).forEach(t -> {
      if (!t.get("id").asText().startsWith(RESUBMITTED)) {
        out.add(t);
      }
    });
    return out;
  }

  @Test
  void everySeededTaskIsListedCompleteNewestFirstWithinTheSpan() {
    List<JsonNode> all = list("/tasks?state=complete&createdTimeInterval=2000-01-01_3000-01-01");
    assertThat(all).hasSize(TASKS);
    List<Instant> created = all.stream().map(t -> Instant.parse(t.get("createdTime").asText())).toList();
    assertThat(created).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(created.get(TASKS - 1)).isAfter(seededAt.minus(Duration.ofDays(30)).minusSeconds(5));
    assertThat(created.get(0)).isBefore(Instant.now());
    Set<String> types = new HashSet<>();
    Set<String> dataSources = new HashSet<>();
    Map<String, Integer> states = new HashMap<>();
    for (JsonNode t : all) {
      types.add(t.get("type").asText());
      dataSources.add(t.get("dataSource").asText());
      states.merge(t.get("statusCode").asText(), 1, Integer::sum);
      assertThat(t.get("runnerStatusCode").asText()).isEqualTo("NONE");
      assertThat(t.get("queueInsertionTime").asText()).isEqualTo("1970-01-01T00:00:00.000Z");
      if (t.get("errorMsg").isTextual()) {
        assertThat(t.get("errorMsg").asText().length()).isLessThanOrEqualTo(103);
      }
    }
    assertThat(types).containsExactlyInAnyOrder("index_parallel", "index", "compact", "kill", "noop");
    assertThat(dataSources).contains("wikipedia", "clickstream", "ad_impressions", "orders", "k8s_metrics", "none");
    assertThat(states.keySet()).containsExactlyInAnyOrder("SUCCESS", "FAILED");
    assertThat(states.get("FAILED")).isBetween(TASKS / 100, TASKS / 5);

    List<JsonNode> newest = list("/completeTasks?max=100");
    assertThat(newest).hasSizeBetween(99, 100);
    assertThat(newest.get(0).get("id").asText()).isEqualTo(all.get(0).get("id").asText());
    assertThat(list("/tasks?state=complete&datasource=wikipedia&max=100"))
        .hasSizeBetween(99, 100).allMatch(t -> t.get("dataSource").asText().equals("wikipedia"));
  }

  @Test
  void aSeededTaskAnswersLikeOneTheServerRan() {
    JsonNode seeded = list("/tasks?state=complete&type=index_parallel&max=50").stream()
        .filter(t -> t.get("statusCode").asText().equals("SUCCESS")).findFirst().orElseThrow();
    String id = seeded.get("id").asText();
    assertThat(id).matches("index_parallel_[a-z_0-9]+_[a-p]{8}_\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(seeded.get("duration").asLong()).isPositive();
    assertThat(seeded.at("/location/host").asText()).startsWith("druid-worker-");

    JsonNode status = server.status(id);
    assertThat(status.get("id").asText()).isEqualTo(id);
    assertThat(status.get("statusCode").asText()).isEqualTo("SUCCESS");
    assertThat(status.get("duration").asLong()).isEqualTo(seeded.get("duration").asLong());

    JsonNode payload = server.json(server.get(API + "/task/" + id)).get("payload");
    assertThat(payload.toString().length()).isBetween(2000, 8000); // an ingestion spec of a few KB
    assertThat(payload.get("groupId").asText()).isEqualTo(id);
    assertThat(payload.at("/resource/availabilityGroup").asText()).isEqualTo(id);
    String day = payload.at("/spec/dataSchema/granularitySpec/intervals/0").asText().substring(0, 10);
    assertThat(Instant.parse(day + "T00:00:00Z")).isBefore(Instant.parse(seeded.get("createdTime").asText()));

    // submitted again under another id, the server stores exactly the seeded payload
    String again = RESUBMITTED + System.nanoTime();
    ObjectNode body = payload.deepCopy();
    body.put("id", again).put("groupId", again);
    ((ObjectNode) body.get("resource")).put("availabilityGroup", again);
    server.submit(body.toString());
    JsonNode stored = server.json(server.get(API + "/task/" + again)).get("payload");
    assertThat(stored.toString()).isEqualTo(body.toString());
  }

  @Test
  void everySeededTypeReadsBackAsItsOwnPayload() {
    for (String type : List.of("index", "compact", "kill", "noop")) {
      JsonNode task = list("/tasks?state=complete&type=" + type + "&max=1").get(0);
      String id = task.get("id").asText();
      JsonNode payload = server.json(server.get(API + "/task/" + id)).get("payload");
      assertThat(payload.get("type").asText()).isEqualTo(type);
      assertThat(payload.get("id").asText()).isEqualTo(id);
      assertThat(server.status(id).get("dataSource").asText()).isEqualTo(task.get("dataSource").asText());
    }
  }

  @Test
  void bulkStatusFindsSeededTasks() {
    List<String> ids = list("/completeTasks?max=21").stream().map(t -> t.get("id").asText()).limit(20).toList();
    var r = server.post(API + "/taskStatus", "application/json",
        ids.stream().map(i -> "\"" + i + "\"").toList().toString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(server.json(r).size()).isEqualTo(20);
  }

  @Test
  void aDataDirWhoseDatabaseRunsIsRefused() {
    Bootstrap<DruidTasksConfiguration> bootstrap = new Bootstrap<>(new DruidTasksApplication());
    bootstrap.addCommand(new SeedCommand(v -> null));
    Optional<Throwable> failure = new Cli(new JarLocation(getClass()), bootstrap, System.out, System.err)
        .run("seed", "--tasks", "10", "--data-dir", dataDir.toString());
    assertThat(failure).get().isInstanceOf(IllegalStateException.class).extracting(Throwable::getMessage)
        .asString().contains("in use by another druid-tasks node", "--jdbc-url");
  }
}
