package dev.druidtasks.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.util.concurrent.ListenableFuture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.druid.client.indexing.TaskStatusResponse;
import org.apache.druid.indexer.TaskStatusPlus;
import org.apache.druid.rpc.indexing.OverlordClient;

/** What the calls of a profile share: the client, the target, the data source they own, the time bound. */
final class ProfileContext {
  private final OverlordConnection connection;
  private final URI target;
  private final String dataSource;
  private final Duration timeout;
  private final ProfileRun run;
  private final HttpClient raw = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  ProfileContext(OverlordConnection connection, URI target, String dataSource, Duration timeout, ProfileRun run) {
    this.connection = connection;
    this.target = target;
    this.dataSource = dataSource;
    this.timeout = timeout;
    this.run = run;
  }

  OverlordClient client() {
    return connection.client();
  }

  com.fasterxml.jackson.databind.ObjectMapper json() {
    return connection.json();
  }

  String dataSource() {
    return dataSource;
  }

  URI target() {
    return target;
  }

  Duration timeout() {
    return timeout;
  }

  ProfileRun run() {
    return run;
  }

  <T> T await(ListenableFuture<T> future) throws Exception {
    return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Polls {@code taskStatus} until the task's status satisfies {@code done}. */
  TaskStatusPlus awaitTask(String taskId, Predicate<TaskStatusPlus> done) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      TaskStatusResponse r = await(client().taskStatus(taskId));
      TaskStatusPlus s = r.getStatus();
      if (s != null && done.test(s)) {
        return s;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("task " + taskId + " did not get there within " + timeout.toSeconds() + " s; last: "
            + (s == null ? "no status" : s.getStatusCode() + "/" + s.getRunnerStatusCode()));
      }
      Thread.sleep(200);
    }
  }

  TaskStatusPlus awaitComplete(String taskId) throws Exception {
    return awaitTask(taskId, s -> s.getStatusCode() != null && s.getStatusCode().isComplete());
  }

  /** A GET outside the client, for what the client does not decode itself (e.g. a payload as Druid's Task). */
  JsonNode getJson(String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = raw.send(HttpRequest.newBuilder(target.resolve(path)).timeout(timeout).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + new String(r.body()));
    }
    return json().readTree(r.body());
  }
}
