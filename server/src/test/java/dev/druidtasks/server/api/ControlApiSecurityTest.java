package dev.druidtasks.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.druidtasks.server.TestServer;
import io.dropwizard.testing.ConfigOverride;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With basic security on, the control API is the admin's (CONFIG security), as the security admin API is. */
class ControlApiSecurityTest {
  private static final String AUTHN = "/druid-ext/basic-security/authentication/db/basic";
  private static final String AUTHZ = "/druid-ext/basic-security/authorization/db/basic";
  @TempDir static Path dir;
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(dir.resolve("data"), ConfigOverride.config("auth.type", "basic"),
        ConfigOverride.config("auth.adminPassword", "admin-secret"));
    assertThat(call("admin", "admin-secret", "POST", AUTHN + "/users/tester").statusCode()).isEqualTo(200);
    HttpRequest.Builder credentials = request("admin", "admin-secret", AUTHN + "/users/tester/credentials")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"password\":\"tester-pw\"}"));
    assertThat(server.send(credentials).statusCode()).isEqualTo(200);
    assertThat(call("admin", "admin-secret", "POST", AUTHZ + "/users/tester").statusCode()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpRequest.Builder request(String user, String password, String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path));
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return b;
  }

  private static HttpResponse<String> call(String user, String password, String method, String path) {
    return server.send(request(user, password, path).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  @Test
  void onlyTheAdminMayDriveTheServer() {
    assertThat(call(null, null, "POST", "/druid-tasks/v1/control/reset").statusCode()).isEqualTo(401);
    assertThat(call("tester", "tester-pw", "POST", "/druid-tasks/v1/control/reset").statusCode()).isEqualTo(403);
    assertThat(call("tester", "tester-pw", "GET", "/druid-tasks/v1/control").statusCode()).isEqualTo(403);
    assertThat(call("tester", "tester-pw", "GET", "/druid-tasks/v1/control/submitted").statusCode()).isEqualTo(403);
    assertThat(call("admin", "admin-secret", "GET", "/druid-tasks/v1/control").statusCode()).isEqualTo(200);
    assertThat(call("admin", "admin-secret", "POST", "/druid-tasks/v1/control/reset").statusCode()).isEqualTo(200);
    // the admin's users survive a reset
    assertThat(call("tester", "tester-pw", "GET", "/druid-tasks/v1/control").statusCode()).isEqualTo(403);
  }
}
