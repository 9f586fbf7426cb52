package dev.druidtasks.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two API nodes ({@code serve --capacity 0}) and three workers of capacity 4, each a process of its
 * own, on one PostgreSQL: tasks spread over the workers and run once each; the leader and workers
 * die (kill -9) or restart under load, and no acknowledged task is lost or stuck. Each scenario
 * leaves every process running for the next.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {
  private static final String API = NodeProcess.API;
  private static final int CAPACITY = 4;
  private Cluster cluster;

  @BeforeAll
  void start() throws Exception {
    cluster = new Cluster(2, 3, CAPACITY);
  }

  @AfterAll
  void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void everyProcessServes() throws Exception {
    for (Cluster.Member m : cluster.all()) {
      if (!m.process.process.isAlive()) {
        m.start();
      }
      m.process.awaitHealthy();
    }
    cluster.awaitLeader(Duration.ofSeconds(15));
    cluster.awaitWorkersListed(cluster.api(0));
  }

  @Test
  void aThousandNoopsAcrossBothNodesRunOnceEachSpreadOverTheWorkers() throws Exception {
    String ds = "thousand";
    long t0 = System.nanoTime();
    try (Submitters load = new Submitters(cluster, ds, 8, 1_000, 20, 0, Duration.ofSeconds(60))) {
      // while they run, no worker reports more tasks than its capacity
      while (System.nanoTime() - t0 < Duration.ofSeconds(110).toNanos() && (cluster.count(ds, false) < 1_000
          || cluster.count(ds, true) > 0)) {
        for (JsonNode w : cluster.api(1).process.get(API + "/workers")) {
          assertThat(w.get("currCapacityUsed").asInt()).isLessThanOrEqualTo(w.at("/worker/capacity").asInt());
        }
        Thread.sleep(250);
      }
      load.awaitDone();
      assertThat(load.acknowledged).hasSize(1_000);
    }
    assertThat(cluster.awaitNoneActive(ds, Duration.ofSeconds(10))).as(cluster::logsTail).isZero();
    double seconds = (System.nanoTime() - t0) / 1e9;

    Map<String, JsonNode> tasks = cluster.tasksOf(ds);
    assertThat(tasks).hasSize(1_000);
    assertThat(tasks.values()).allSatisfy(t -> assertThat(t.get("statusCode").asText()).as(t.toString())
        .isEqualTo("SUCCESS"));
    Map<String, List<String>> runs = cluster.runs(ds);
    assertThat(runs).hasSize(1_000);
    assertThat(runs.values()).as("one run a task").allSatisfy(r -> assertThat(r).hasSize(1));
    Map<String, Integer> perWorker = new TreeMap<>();
    tasks.values().forEach(t -> {
      String at = t.at("/location/host").asText() + ":" + t.at("/location/port").asInt();
      assertThat(runs.get(t.get("id").asText())).as("the location is the worker that ran it").containsExactly(at);
      perWorker.merge(at, 1, Integer::sum);
    });
    assertThat(perWorker.keySet()).containsExactlyInAnyOrderElementsOf(
        cluster.workers.stream().map(Cluster.Member::workerId).toList());
    assertThat(perWorker.values()).as("spread over the workers: " + perWorker).allSatisfy(n -> assertThat(n)
        .isGreaterThan(100));
    Map<String, Integer> peaks = cluster.peakConcurrency(ds);
    assertThat(peaks.values()).as("tasks at once on one worker: " + peaks).allSatisfy(n -> assertThat(n)
        .isBetween(1, CAPACITY));
    System.out.printf("1000 noops of 20 ms over 2 API nodes and 3 workers of capacity %d: %.1f s, %.0f tasks/s;"
        + " per worker %s; peak at once per worker %s%n", CAPACITY, seconds, 1_000 / seconds, perWorker, peaks);
  }

  /** Its log and live report are read from either API node while it runs; a shutdown sent to the other stops it. */
  @Test
  void aRunningTaskIsSeenAndStoppedFromEveryNode() throws Exception {
    NodeProcess a = cluster.api(0).process;
    NodeProcess b = cluster.api(1).process;
    a.submit("{\"type\":\"noop\",\"id\":\"everywhere\",\"dataSource\":\"everywhere\",\"runTime\":600000}");
    JsonNode running = b.awaitRunner("everywhere", "RUNNING", Duration.ofSeconds(30));
    String at = running.at("/location/host").asText() + ":" + running.at("/location/port").asInt();
    assertThat(cluster.workers.stream().map(Cluster.Member::workerId)).contains(at);
    for (NodeProcess node : List.of(a, b)) {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      String log = "";
      while (!log.contains("Running No-Op task[everywhere]") && System.nanoTime() < deadline) {
        log = node.send(HttpRequest.newBuilder(node.uri(API + "/task/everywhere/log"))).body();
        Thread.sleep(50);
      }
      assertThat(log).contains("Running task[everywhere] on worker[" + at + "]").contains("Running No-Op task");
    }

    long t0 = System.nanoTime();
    HttpResponse<String> stop = b.send(HttpRequest.newBuilder(b.uri(API + "/task/everywhere/shutdown"))
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(stop.statusCode()).isEqualTo(200);
    JsonNode stopped = a.awaitRunner("everywhere", "NONE", Duration.ofSeconds(10));
    long stopMs = (System.nanoTime() - t0) / 1_000_000;
    assertThat(stopped.get("statusCode").asText()).isEqualTo("FAILED");
    assertThat(stopped.get("errorMsg").asText()).isEqualTo("Shutdown request from user");
    assertThat(stopMs).as("a shutdown reaches the task where it runs").isLessThan(2_000);

    // an ingestion's report, written live where it runs, is read from the node that did not take it
    String rows = "{\\\"ts\\\":\\\"2015-09-12T00:00:00Z\\\",\\\"page\\\":\\\"p\\\"}\\n".repeat(200_000);
    a.submit("{\"type\":\"index_parallel\",\"id\":\"reported\",\"spec\":{\"dataSchema\":{\"dataSource\":\"reported\","
        + "\"timestampSpec\":{\"column\":\"ts\",\"format\":\"iso\"},\"dimensionsSpec\":{\"dimensions\":[]},"
        + "\"granularitySpec\":{\"segmentGranularity\":\"day\",\"queryGranularity\":\"none\",\"rollup\":false}},"
        + "\"ioConfig\":{\"type\":\"index_parallel\",\"inputSource\":{\"type\":\"inline\",\"data\":\"" + rows
        + "\"},\"inputFormat\":{\"type\":\"json\"}}}}");
    JsonNode live = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (live == null && System.nanoTime() < deadline) {
      HttpResponse<String> r = b.send(HttpRequest.newBuilder(b.uri(API + "/task/reported/reports")));
      boolean stillRunning = "RUNNING".equals(b.status("reported").get("runnerStatusCode").asText());
      if (r.statusCode() == 200 && stillRunning) {
        live = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
      }
      Thread.sleep(100);
    }
    assertThat(live).as("a live report read from the other node").isNotNull();
    assertThat(live.at("/ingestionStatsAndErrors/payload/ingestionState").asText()).isNotEmpty();
    assertThat(b.awaitRunner("reported", "NONE", Duration.ofSeconds(60)).get("statusCode").asText())
        .isEqualTo("SUCCESS");
  }

  @Test
  void whenTheLeaderIsKilledAnotherLeadsAndEveryAcknowledgedTaskCompletes() throws Exception {
    String ds = "failover";
    Cluster.Member leader = cluster.awaitLeader(Duration.ofSeconds(15));
    long failoverMs;
    Set<String> acknowledged;
    try (Submitters load = new Submitters(cluster, ds, 4, 5_000, 20, 10, Duration.ofSeconds(30))) {
      Thread.sleep(2_000);
      long t0 = System.nanoTime();
      leader.kill9();
      Cluster.Member next = cluster.awaitLeader(Duration.ofSeconds(10));
      failoverMs = (System.nanoTime() - t0) / 1_000_000;
      assertThat(next).isNotSameAs(leader);
      for (Cluster.Member m : cluster.apiNodes) {
        if (m != leader) {
          assertThat(m.process.send(HttpRequest.newBuilder(m.process.uri(API + "/leader"))).body())
              .isEqualTo("http://localhost:" + next.port);
        }
      }
      Thread.sleep(2_000); // submissions go on, to the node that is left
      load.close();
      acknowledged = new HashSet<>(load.acknowledged);
    }
    assertThat(acknowledged).hasSizeGreaterThan(50);
    assertThat(cluster.awaitNoneActive(ds, Duration.ofSeconds(60))).as(cluster::logsTail).isZero();
    Map<String, JsonNode> tasks = cluster.tasksOf(ds);
    assertThat(tasks.keySet()).containsAll(acknowledged);
    assertThat(tasks.values()).allSatisfy(t -> assertThat(t.get("statusCode").asText()).isEqualTo("SUCCESS"));
    System.out.printf("leader killed -9 under load: another led after %d ms; %d acknowledged, all SUCCESS%n",
        failoverMs, acknowledged.size());
  }

  @Test
  void aKilledWorkersTasksFailNamingItAndNothingElseIsAffected() throws Exception {
    String ds = "dead-worker";
    NodeProcess a = cluster.api(0).process;
    for (int i = 0; i < 9; i++) {
      a.submit("{\"type\":\"noop\",\"id\":\"" + ds + "-" + i + "\",\"dataSource\":\"" + ds + "\",\"runTime\":8000}");
    }
    Map<String, String> where = new TreeMap<>();
    for (int i = 0; i < 9; i++) {
      JsonNode s = a.awaitRunner(ds + "-" + i, "RUNNING", Duration.ofSeconds(30));
      where.put(ds + "-" + i, s.at("/location/host").asText() + ":" + s.at("/location/port").asInt());
    }
    Cluster.Member victim = cluster.workers.stream().filter(w -> where.containsValue(w.workerId())).findFirst()
        .orElseThrow();
    long t0 = System.nanoTime();
    victim.kill9();
    List<String> lost = where.entrySet().stream().filter(e -> e.getValue().equals(victim.workerId()))
        .map(Map.Entry::getKey).toList();
    long detectedMs = 0;
    for (String id : lost) {
      JsonNode s = a.awaitRunner(id, "NONE", Duration.ofSeconds(15));
      detectedMs = Math.max(detectedMs, (System.nanoTime() - t0) / 1_000_000);
      assertThat(s.get("statusCode").asText()).isEqualTo("FAILED");
      assertThat(s.get("errorMsg").asText()).isEqualTo("Task failed because worker[" + victim.workerId()
          + "] stopped responding");
    }
    for (String id : where.keySet()) {
      if (!lost.contains(id)) {
        assertThat(a.status(id).get("runnerStatusCode").asText()).as("a task of another worker").isEqualTo("RUNNING");
      }
    }
    for (String id : where.keySet()) {
      if (!lost.contains(id)) {
        assertThat(a.awaitRunner(id, "NONE", Duration.ofSeconds(30)).get("statusCode").asText()).isEqualTo("SUCCESS");
      }
    }
    System.out.printf("worker killed -9 with %d tasks running: they failed %d ms after the kill (timeout 3 s);"
        + " the other %d succeeded%n", lost.size(), detectedMs, where.size() - lost.size());
  }

  @Test
  void aRollingRestartOfEveryProcessUnderLoadLosesNothingAndLeavesNothingStuck() throws Exception {
    String ds = "rolling";
    Set<String> acknowledged;
    // about as many submissions a second as the workers' 12 slots run (200 ms each): load, not a backlog
    try (Submitters load = new Submitters(cluster, ds, 4, 20_000, 200, 50, Duration.ofSeconds(100))) {
      for (Cluster.Member m : cluster.all()) {
        Thread.sleep(1_000);
        m.terminate();
        m.start().process.awaitHealthy();
      }
      Thread.sleep(1_000);
      load.close();
      acknowledged = new HashSet<>(load.acknowledged);
    }
    assertThat(acknowledged).hasSizeGreaterThan(100);
    long drain = System.nanoTime();
    int stuck = cluster.awaitNoneActive(ds, Duration.ofSeconds(15), Duration.ofSeconds(120));
    long drainMs = (System.nanoTime() - drain) / 1_000_000;
    Map<String, JsonNode> tasks = cluster.tasksOf(ds);
    long lost = acknowledged.stream().filter(id -> !tasks.containsKey(id)).count();
    Map<String, Integer> byStatus = new TreeMap<>();
    tasks.values().forEach(t -> byStatus.merge(t.get("statusCode").asText(), 1, Integer::sum));
    System.out.printf("rolling restart of %d processes under load: %d acknowledged, %d lost, %d stuck, by status %s;"
        + " the rest ran in %d ms after the last restart%n", cluster.all().size(), acknowledged.size(), lost, stuck,
        byStatus, drainMs);
    assertThat(lost).isZero();
    assertThat(stuck).as(cluster::logsTail).isZero();
    assertThat(byStatus).as("workers drain on SIGTERM: nothing fails").containsOnlyKeys("SUCCESS");
    Map<String, List<String>> runs = cluster.runs(ds);
    assertThat(runs.values()).as("one run a task").allSatisfy(r -> assertThat(r).hasSize(1));
  }
}
