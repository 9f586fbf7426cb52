package dev.druidtasks.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.druidtasks.server.store.EmbeddedDatabase;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API nodes ({@code serve --capacity 0}) and workers ({@code worker}), each a process of its own, on one
 * PostgreSQL that outlives them all (started in the test's JVM), on loopback.
 */
final class Cluster implements AutoCloseable {
  /** Small heaps: several JVMs share two cores and the build's memory. */
  private static final List<String> JVM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  final Path dir;
  final EmbeddedDatabase db;
  final Path config;
  final List<Member> apiNodes = new ArrayList<>();
  final List<Member> workers = new ArrayList<>();
  final int capacity;

  /** One process of the cluster: its command, port, data dir, log, and the process running now. */
  final class Member {
    final String command;
    final int port;
    final Path dataDir;
    final Path log;
    NodeProcess process;

    Member(String command, int port, Path dataDir, Path log) {
      this.command = command;
      this.port = port;
      this.dataDir = dataDir;
      this.log = log;
    }

    /** Starts it (again) on the same port, data dir and log. */
    Member start() throws IOException {
      process = NodeProcess.start(JVM, command, port, log, "--data-dir", dataDir.toString(), "--config",
          config.toString(), "--jdbc-url", db.jdbcUrl(), "--db-user", db.user(),
          "--capacity", String.valueOf(command.equals("serve") ? 0 : capacity));
      return this;
    }

    String workerId() {
      return "localhost:" + port;
    }

    void kill9() throws InterruptedException {
      process.process.destroyForcibly().waitFor();
    }

    /** SIGTERM, as a rolling restart or Kubernetes sends: the node stops gracefully. */
    void terminate() throws InterruptedException {
      process.stop();
    }

    boolean leads() throws Exception {
      return process.send(HttpRequest.newBuilder(process.uri(NodeProcess.API + "/isLeader"))).statusCode() == 200;
    }

    @Override
    public String toString() {
      return command + "@" + port;
    }
  }

  /** Tight timings, so that failures show within seconds: a worker silent 3 s is dead. */
  Cluster(int apiNodes, int workers, int capacity) throws Exception {
    this.capacity = capacity;
    dir = Files.createTempDirectory("cluster-it");
    db = EmbeddedDatabase.start(dir.resolve("database"));
    config = dir.resolve("cluster.yml");
    Files.writeString(config, "tick: 50ms\nheartbeatPeriod: 300ms\nworkerTimeout: 3s\ndrainTimeout: 20s\n"
        + "database:\n  maxSize: 16\n");
    for (int i = 0; i < apiNodes; i++) {
      this.apiNodes.add(member("serve", "api-" + i));
    }
    for (int i = 0; i < workers; i++) {
      this.workers.add(member("worker", "worker-" + i));
    }
    // the first migrates the schema alone; the others then start together
    this.apiNodes.get(0).start().process.awaitHealthy();
    for (Member m : all()) {
      if (m.process == null) {
        m.start();
      }
    }
    for (Member m : all()) {
      m.process.awaitHealthy();
    }
  }

  private Member member(String command, String name) throws IOException {
    return new Member(command, NodeProcess.freePort(), dir.resolve(name), dir.resolve(name + ".log"));
  }

  List<Member> all() {
    List<Member> out = new ArrayList<>(apiNodes);
    out.addAll(workers);
    return out;
  }

  Member api(int i) {
    return apiNodes.get(i % apiNodes.size());
  }

  /** The API node that leads, once exactly one says so. */
  Member awaitLeader(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Member> leading = new ArrayList<>();
      for (Member m : apiNodes) {
        try {
          if (m.leads()) {
            leading.add(m);
          }
        } catch (IOException down) {
          // not serving
        }
      }
      if (leading.size() == 1) {
        return leading.get(0);
      }
      assertThat(System.nanoTime()).as("one leader among " + apiNodes + ", got " + leading).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** Every worker registered, as {@code /workers} on {@code via} lists them. */
  void awaitWorkersListed(Member via) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (via.process.get(NodeProcess.API + "/workers").size() != workers.size()) {
      assertThat(System.nanoTime()).as("workers listed").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /** Each task of the data source and its status code, as a live API node lists them. */
  Map<String, JsonNode> tasksOf(String dataSource) throws Exception {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    Member live = apiNodes.stream().filter(m -> m.process.process.isAlive()).findFirst().orElseThrow();
    for (JsonNode t : live.process.get(NodeProcess.API + "/tasks?datasource=" + dataSource)) {
      out.put(t.get("id").asText(), t);
    }
    return out;
  }

  /**
   * Waits until no task of the data source is active, for as long as they keep ending: a backlog that
   * drains is not stuck. Returns how many are still active once none has ended for {@code stall}, or at
   * {@code atMost}.
   */
  int awaitNoneActive(String dataSource, Duration stall, Duration atMost) throws Exception {
    long deadline = System.nanoTime() + atMost.toNanos();
    long progressed = System.nanoTime();
    int active = count(dataSource, true);
    while (active > 0 && System.nanoTime() < deadline && System.nanoTime() - progressed < stall.toNanos()) {
      Thread.sleep(200);
      int now = count(dataSource, true);
      if (now < active) {
        progressed = System.nanoTime();
      }
      active = now;
    }
    return active;
  }

  /** Waits until no task of the data source is active; returns how many still are at the deadline. */
  int awaitNoneActive(String dataSource, Duration timeout) throws Exception {
    return awaitNoneActive(dataSource, timeout, timeout); // no stall can outlast the deadline
  }

  /**
   * How many tasks of the data source are stored ({@code activeOnly}: still active), read from the
   * database: cheaper than listing them through the API while they run.
   */
  int count(String dataSource, boolean activeOnly) throws Exception {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "");
        PreparedStatement s = c.prepareStatement("SELECT count(*) FROM tasks WHERE datasource = ?"
            + (activeOnly ? " AND active" : ""))) {
      s.setString(1, dataSource);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  /** The audit log's runs of the data source's tasks: task id to the workers that ran it, in order. */
  Map<String, List<String>> runs(String dataSource) throws Exception {
    Map<String, List<String>> out = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "");
        PreparedStatement s = c.prepareStatement("SELECT task_id, detail FROM audit_log WHERE action = 'task.run'"
            + " AND datasource = ? ORDER BY audit_time")) {
      s.setString(1, dataSource);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getString(2));
        }
      }
    }
    return out;
  }

  /**
   * The most tasks of the data source that ran at once on one worker, from their start and end
   * times: a task started while another was still recorded as running overlaps it.
   */
  Map<String, Integer> peakConcurrency(String dataSource) throws Exception {
    Map<String, Integer> out = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "");
        PreparedStatement s = c.prepareStatement("SELECT t.worker_id, max((SELECT count(*) FROM tasks u"
            + " WHERE u.worker_id = t.worker_id AND u.started_time <= t.started_time"
            + " AND COALESCE(u.completed_time, 'infinity') > t.started_time)) FROM tasks t"
            + " WHERE t.datasource = ? AND t.worker_id IS NOT NULL GROUP BY t.worker_id ORDER BY 1")) {
      s.setString(1, dataSource);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.put(r.getString(1), r.getInt(2));
        }
      }
    }
    return out;
  }

  /** Task logs of every process, for a failure's message. */
  String logsTail() {
    StringBuilder b = new StringBuilder();
    for (Member m : all()) {
      List<String> lines;
      try {
        lines = Files.readAllLines(m.log);
      } catch (IOException e) {
        lines = List.of("(no log: " + e + ")");
      }
      b.append("== ").append(m).append('\n');
      lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> b.append(l).append('\n'));
    }
    return b.toString();
  }

  @Override
  public void close() throws Exception {
    for (Member m : all()) {
      if (m.process != null && m.process.process.isAlive()) {
        m.process.process.destroyForcibly().waitFor();
      }
    }
    db.close();
  }
}
