package dev.druidtasks.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.druidtasks.server.TestServer;
import io.dropwizard.testing.ConfigOverride;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The served API docs and the tasks page's files: offline, outside Druid's paths, a login enough. */
class DocsAndConsoleResourceTest {
  private final TestServer server = TestServer.shared();

  @Test
  void servesTheOpenApiDocumentOfTheSpecJar() throws Exception {
    HttpResponse<String> r = server.get("/openapi.yaml");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/yaml");
    try (var spec = getClass().getClassLoader().getResourceAsStream("tasks-api.yaml")) {
      assertThat(r.body()).isEqualTo(new String(spec.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertThat(r.body()).startsWith("openapi: 3").contains("/druid/indexer/v1/task/{taskId}/status:");
  }

  @Test
  void servesSwaggerUiFromItsWebjarNoCdn() {
    HttpResponse<String> page = server.get("/docs");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("/docs/swagger-ui-bundle.js", "/docs/swagger-ui.css", "/docs/docs.js")
        .doesNotContain("https://", "http://");
    for (String asset : new String[] {"swagger-ui-bundle.js", "swagger-ui.css", "docs.js"}) {
      HttpResponse<String> r = server.get("/docs/" + asset);
      assertThat(r.statusCode()).as(asset).isEqualTo(200);
      assertThat(r.body()).as(asset).isNotEmpty();
    }
    assertThat(server.get("/docs/docs.js").body()).contains("/openapi.yaml");
  }

  @Test
  void servesTheTasksPageAndLeadsTheRootThere() {
    HttpResponse<String> page = server.get("/console");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/console/console.js", "/console/console.css").doesNotContain("https://");
    assertThat(server.get("/console/console.js").headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/javascript");
    for (String file : new String[] {"console.css", "common.js", "task-table.js", "task-detail.js", "why-it-waits.js"}) {
      assertThat(server.get("/console/" + file).statusCode()).as(file).isEqualTo(200);
    }
    HttpResponse<String> root = server.get("/");
    assertThat(root.statusCode()).isEqualTo(303);
    assertThat(root.headers().firstValue("Location").orElse("")).endsWith("/console");
  }

  @Test
  void servesOnlyItsOwnFilesAsJsonErrors() {
    for (String path : new String[] {"/console/index.html%2F..%2F..%2Fmigrations.xml", "/console/..%2Fmigrations.xml",
        "/console/migrations.xml", "/docs/index.html", "/docs/swagger-initializer.js", "/console/nothing.js"}) {
      HttpResponse<String> r = server.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/json");
      assertThat(r.body()).as(path).doesNotContain("databaseChangeLog", "java.", "Exception:");
    }
  }

  @Test
  void withBasicSecurityALoginIsEnough() throws Exception {
    try (TestServer secured = TestServer.start(Files.createTempDirectory("druid-tasks-docs-secured"),
        ConfigOverride.config("auth.type", "basic"), ConfigOverride.config("auth.adminPassword", "docs-secret"))) {
      for (String path : new String[] {"/openapi.yaml", "/docs", "/docs/docs.js", "/console", "/console/console.js"}) {
        assertThat(secured.get(path).statusCode()).as(path).isEqualTo(401);
        String login = Base64.getEncoder().encodeToString("admin:docs-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = secured.send(HttpRequest.newBuilder(secured.base().resolve(path))
            .header("Authorization", "Basic " + login).GET());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
      }
    }
  }
}
