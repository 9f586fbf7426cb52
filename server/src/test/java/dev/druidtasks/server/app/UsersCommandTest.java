package dev.druidtasks.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.druidtasks.server.TestServer;
import io.dropwizard.testing.ConfigOverride;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** {@code users add} before the first start: the user logs in to the server that starts on the same data. */
class UsersCommandTest {
  @Test
  void aUserAddedFromTheCommandLineLogsInWithItsRole() throws Exception {
    Path dir = Files.createTempDirectory("druid-tasks-users");
    Path data = dir.resolve("data");
    Path password = Files.writeString(dir.resolve("password"), "s3cret-from-file\n");
    new DruidTasksApplication().run("users", "add", "ops", "--password-file", password.toString(),
        "--role", "admin", "--data-dir", data.toString());
    try (TestServer server = TestServer.start(data, ConfigOverride.config("auth.type", "basic"),
        ConfigOverride.config("auth.adminPassword", "initial"))) {
      var ops = server.send(HttpRequest.newBuilder(server.base().resolve("/druid-ext/basic-security/authorization/db/basic/users/ops"))
          .header("Authorization", basic("ops", "s3cret-from-file")));
      assertThat(ops.statusCode()).as(ops.body()).isEqualTo(200);
      assertThat(server.json(ops).get("roles").toString()).isEqualTo("[\"admin\"]");
      var wrong = server.send(HttpRequest.newBuilder(server.base().resolve(TestServer.API + "/tasks"))
          .header("Authorization", basic("ops", "s3cret-from-file\n")));
      assertThat(wrong.statusCode()).isEqualTo(401);
    }
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
