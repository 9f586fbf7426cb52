package dev.druidtasks.server.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients submitting noop tasks across the API nodes, as a fleet of CI jobs would: each submission
 * goes to the next node, and to the one after when a node is down. Bounded in count and time; what
 * was answered 200 is recorded as acknowledged.
 */
final class Submitters implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  final AtomicInteger refused = new AtomicInteger();
  private final AtomicBoolean go = new AtomicBoolean(true);
  private final AtomicInteger next = new AtomicInteger();
  private final List<Thread> threads = new ArrayList<>();

  /**
   * @param limit submissions in all, at most
   * @param pauseMs each client's pause between submissions (0: as fast as answers come)
   */
  Submitters(Cluster cluster, String dataSource, int clients, int limit, long runTimeMs, long pauseMs,
      Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    for (int c = 0; c < clients; c++) {
      Thread t = new Thread(() -> {
        int n;
        while (go.get() && System.nanoTime() < deadline && (n = next.getAndIncrement()) < limit) {
          String id = dataSource + "-" + n;
          String body = "{\"type\":\"noop\",\"id\":\"" + id + "\",\"dataSource\":\"" + dataSource + "\",\"runTime\":"
              + runTimeMs + "}";
          if (!submit(cluster, n, id, body)) {
            refused.incrementAndGet();
          }
          if (pauseMs > 0) {
            try {
              Thread.sleep(pauseMs);
            } catch (InterruptedException e) {
              return;
            }
          }
        }
      }, "submitter-" + c);
      t.start();
      threads.add(t);
    }
  }

  private boolean submit(Cluster cluster, int n, String id, String body) {
    for (int attempt = 0; attempt < cluster.apiNodes.size(); attempt++) {
      Cluster.Member node = cluster.api(n + attempt);
      try {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + node.port
            + NodeProcess.API + "/task")).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          acknowledged.add(id);
          return true;
        }
        if (r.statusCode() / 100 == 4 && r.body().contains("already exists")) {
          acknowledged.add(id); // the earlier attempt was stored, its answer lost with the node
          return true;
        }
      } catch (IOException down) {
        // the node is down or went down mid-request: the next one
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /** Waits for the clients to reach their limit or deadline. */
  void awaitDone() throws InterruptedException {
    for (Thread t : threads) {
      t.join();
    }
  }

  @Override
  public void close() throws InterruptedException {
    go.set(false);
    awaitDone();
  }
}
