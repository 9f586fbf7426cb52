package dev.druidtasks.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.druidtasks.server.app.DruidTasksApplication;
import dev.druidtasks.server.app.DruidTasksConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The real application, in this JVM, on a real (embedded) PostgreSQL and free ports. */
public final class TestServer implements AutoCloseable {
  public static final String API = "/druid/indexer/v1";
  private static TestServer shared;

  private final DropwizardTestSupport<DruidTasksConfiguration> support;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final Path dataDir;
  private final Path inputDir;

  private TestServer(Path dataDir, ConfigOverride... extra) {
    this.dataDir = dataDir;
    this.inputDir = dataDir.resolveSibling(dataDir.getFileName() + "-input");
    try {
      Files.createDirectories(inputDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<ConfigOverride> overrides = new ArrayList<>(List.of(
        ConfigOverride.config("dataDir", dataDir.toString()),
        ConfigOverride.config("allowedInputRoots", System.getProperty("user.dir") + "," + inputDir),
        ConfigOverride.config("server.applicationConnectors[0].port", "0"),
        ConfigOverride.config("server.adminConnectors[0].port", "0"),
        ConfigOverride.config("tick", "50ms"),
        ConfigOverride.config("logging.level", "WARN")));
    overrides.addAll(List.of(extra));
    support = new DropwizardTestSupport<>(DruidTasksApplication.class, (String) null,
        overrides.toArray(ConfigOverride[]::new));
    try {
      support.before();
    } catch (Exception e) {
      throw new IllegalStateException("server did not start", e);
    }
  }

  public static TestServer start(Path dataDir, ConfigOverride... extra) {
    return new TestServer(dataDir, extra);
  }

  /** One server for the whole test run; tests keep to their own ids and data sources. */
  public static synchronized TestServer shared() {
    if (shared == null) {
      try {
        shared = new TestServer(Files.createTempDirectory("druid-tasks-test"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // Jetty stops it when the JVM exits (stopAtShutdown); a hook of ours would race that stop
    }
    return shared;
  }

  /** A directory ingestion may read (the data dir may not be read). */
  public Path inputDir() {
    return inputDir;
  }

  public Path dataDir() {
    return dataDir;
  }

  public URI base() {
    return URI.create("http://localhost:" + support.getLocalPort());
  }

  public URI admin() {
    return URI.create("http://localhost:" + support.getAdminPort());
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(base().resolve(path)).GET());
  }

  public HttpResponse<String> post(String path, String contentType, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base().resolve(path))
        .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b);
  }

  public HttpResponse<String> delete(String path) {
    return send(HttpRequest.newBuilder(base().resolve(path)).DELETE());
  }

  public HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public JsonNode json(HttpResponse<String> r) {
    try {
      return json.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON (" + r.statusCode() + "): " + r.body(), e);
    }
  }

  /** Submits and returns the id; fails the test unless the answer is 200. */
  public String submit(String taskJson) {
    HttpResponse<String> r = post(API + "/task", "application/json", taskJson);
    if (r.statusCode() != 200) {
      throw new AssertionError("submit answered " + r.statusCode() + ": " + r.body());
    }
    return json(r).get("task").asText();
  }

  public JsonNode status(String id) {
    HttpResponse<String> r = get(API + "/task/" + id + "/status");
    if (r.statusCode() != 200) {
      throw new AssertionError("status of " + id + " answered " + r.statusCode() + ": " + r.body());
    }
    return json(r).get("status");
  }

  /** Polls the task's status until it matches, or fails after the timeout. */
  public JsonNode awaitStatus(String id, Predicate<JsonNode> done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode s = status(id);
    while (!done.test(s)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("task " + id + " did not reach the expected state; last: " + s);
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      s = status(id);
    }
    return s;
  }

  public JsonNode awaitRunner(String id, String runnerStatusCode) {
    return awaitStatus(id, s -> runnerStatusCode.equals(s.get("runnerStatusCode").asText()), Duration.ofSeconds(30));
  }

  public JsonNode awaitComplete(String id) {
    return awaitStatus(id, s -> !"RUNNING".equals(s.get("statusCode").asText()), Duration.ofSeconds(60));
  }

  @Override
  public void close() {
    support.after();
  }
}
