package dev.druidtasks.conformance.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class TasksClientTest {

  @Test
  void sendsBasicAuthAndUnzipsAndRendersAReproducingCurl() throws Exception {
    AtomicReference<String> auth = new AtomicReference<>();
    AtomicReference<String> target = new AtomicReference<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      auth.set(ex.getRequestHeaders().getFirst("Authorization"));
      target.set(ex.getRequestURI().getRawPath() + "?" + ex.getRequestURI().getRawQuery());
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
        gz.write("[1,2]".getBytes(StandardCharsets.UTF_8));
      }
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
      ex.sendResponseHeaders(200, buf.size());
      ex.getResponseBody().write(buf.toByteArray());
      ex.close();
    });
    server.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
      TasksClient client = new TasksClient(base, "druid", "s3cret", Duration.ofSeconds(5));
      ApiRequest r = ApiRequest.postJson("/druid/indexer/v1/task/a%20b/shutdown", "{\"it's\": 1}")
          .withQuery("createdTimeInterval", "2015-09-12T00:00:00Z_2015-09-13");
      Exchange ex = client.send(r);

      assertThat(auth.get()).isEqualTo("Basic ZHJ1aWQ6czNjcmV0");
      assertThat(target.get()).isEqualTo("/druid/indexer/v1/task/a%20b/shutdown"
          + "?createdTimeInterval=2015-09-12T00:00:00Z_2015-09-13");
      assertThat(ex.response().text()).isEqualTo("[1,2]");
      assertThat(ex.response().mediaType()).isEqualTo("application/json");
      assertThat(ex.curl()).isEqualTo("curl -sS -i -X POST -u 'druid:$PASSWORD' '" + base
          + "/druid/indexer/v1/task/a%20b/shutdown?createdTimeInterval=2015-09-12T00:00:00Z_2015-09-13'"
          + " -H 'Content-Type: application/json' --data-binary '{\"it'\\''s\": 1}'");
    } finally {
      server.stop(0);
    }
  }
}
