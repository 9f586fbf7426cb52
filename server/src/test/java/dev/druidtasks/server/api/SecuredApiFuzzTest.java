package dev.druidtasks.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.druidtasks.server.TestServer;
import io.dropwizard.testing.ConfigOverride;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The generated requests of {@link ApiFuzzTest}, with basic security on, sent by a caller who may read
 * and write other data sources than the stored tasks': no answer is a 5xx, and none shows a stored task
 * (only an answer to a request that names one may echo its id, as a refusal).
 */
class SecuredApiFuzzTest {
  private static final String ADMIN = "Basic " + b64("admin:fuzz-admin");
  private static final String OUTSIDER = "Basic " + b64("outsider:outsider-pw");
  private static final String AUTHN = "/druid-ext/basic-security/authentication/db/basic";
  private static final String AUTHZ = "/druid-ext/basic-security/authorization/db/basic";
  private static final List<String> STORED = new ArrayList<>();
  private static final AtomicInteger SENT = new AtomicInteger();
  private static TestServer server;

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @BeforeContainer
  static void serverWithStoredTasks() throws IOException {
    server = TestServer.start(Files.createTempDirectory("secured-fuzz"), ConfigOverride.config("auth.type", "basic"),
        ConfigOverride.config("auth.adminPassword", "fuzz-admin"));
    admin("POST", AUTHN + "/users/outsider", null);
    admin("POST", AUTHN + "/users/outsider/credentials", "{\"password\":\"outsider-pw\"}");
    admin("POST", AUTHZ + "/users/outsider", null);
    admin("POST", AUTHZ + "/roles/outside", null);
    admin("POST", AUTHZ + "/roles/outside/permissions", "["
        + "{\"resource\":{\"name\":\"none|open\",\"type\":\"DATASOURCE\"},\"action\":\"READ\"},"
        + "{\"resource\":{\"name\":\"none|open\",\"type\":\"DATASOURCE\"},\"action\":\"WRITE\"},"
        + "{\"resource\":{\"name\":\".*\",\"type\":\"STATE\"},\"action\":\"READ\"}]");
    admin("POST", AUTHZ + "/users/outsider/roles/outside", null);
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> r = admin("POST", TestServer.API + "/task",
          "{\"type\":\"noop\",\"id\":\"fuzz-stored-" + i + "\",\"dataSource\":\"fuzz\",\"runTime\":1}");
      STORED.add(server.json(r).get("task").asText());
    }
  }

  private static HttpResponse<String> admin(String method, String path, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.base().resolve(path)).header("Authorization", ADMIN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    HttpResponse<String> r = server.send(b);
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(200);
    return r;
  }

  @AfterContainer
  static void theStoredTasksAreIntactAndTheServerGoesOn() {
    try {
      System.out.println("Secured API fuzz: " + SENT.get() + " requests as a caller of other data sources");
      for (String id : STORED) {
        assertThat(server.json(admin("GET", TestServer.API + "/task/" + id + "/status", null))
            .at("/status/statusCode").asText()).isIn("SUCCESS", "RUNNING");
      }
      assertThat(SENT.get()).isGreaterThanOrEqualTo(2000);
    } finally {
      server.close();
    }
  }

  @Property(tries = 2000, seed = ApiFuzzTest.SEED, shrinking = ShrinkingMode.OFF)
  void noAnswerShowsATaskTheCallerMayNotRead(@ForAll("requests") RawRequest request) {
    HttpResponse<String> r;
    try {
      r = server.send(request.on(server.base()).header("Authorization", OUTSIDER));
    } catch (UncheckedIOException e) {
      throw new AssertionError(request + " got no answer: " + e.getMessage(), e);
    }
    SENT.incrementAndGet();
    assertThat(r.statusCode()).as(request + " answered " + r.body()).isLessThan(500);
    String asked = request.path() + (request.body() == null ? "" : new String(request.body(), StandardCharsets.UTF_8));
    assertThat(r.body()).as(request + " answered " + r.statusCode()).doesNotContain("\"dataSource\":\"fuzz\"");
    if (!asked.contains("fuzz-stored-")) {
      assertThat(r.body()).as(request + " answered " + r.statusCode()).doesNotContain("fuzz-stored-");
    }
    if (request.path().matches(".*/task/fuzz-stored-\\d([/?].*)?")) {
      assertThat(r.statusCode()).as(request + " answered " + r.body()).isNotEqualTo(200);
    }
  }

  @Provide
  Arbitrary<RawRequest> requests() {
    return new ApiFuzzTest().requests();
  }
}
