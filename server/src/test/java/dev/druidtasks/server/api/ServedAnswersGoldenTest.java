package dev.druidtasks.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.druidtasks.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The exact bytes of status, list, payload and error answers, compared with a capture (times,
 * durations, ports and the run's own names masked), so typing the responses changes no byte.
 */
class ServedAnswersGoldenTest {
  private static final Path GOLDEN = Path.of("server/src/test/resources/golden/served-answers.txt");
  private static final String API = TestServer.API;

  @Test
  void answersKeepTheirBytes() throws Exception {
    TestServer server = TestServer.shared();
    String run = UUID.randomUUID().toString().substring(0, 8);
    String done = server.submit("{\"type\":\"noop\",\"id\":\"golden-done-" + run + "\",\"dataSource\":\"golden-"
        + run + "\",\"context\":{\"priority\":5}}");
    server.awaitComplete(done);
    String running = server.submit("{\"type\":\"noop\",\"id\":\"golden-running-" + run + "\",\"dataSource\":\"golden-"
        + run + "\",\"runTime\":600000}");
    server.awaitRunner(running, "RUNNING");
    StringBuilder out = new StringBuilder();
    for (String path : new String[] {
        "/task/" + done + "/status", "/task/" + running + "/status", "/task/" + done,
        "/tasks?datasource=golden-" + run, "/completeTasks?datasource=golden-" + run + "&max=1",
        "/runningTasks?datasource=golden-" + run, "/task/golden-missing-" + run + "/status",
        "/tasks?state=bogus", "/tasks?max=abc", "/completeTasks?n=-1", "/task/" + done + "/log?offset=x",
        "/tasks?createdTimeInterval=nope", "/task/" + done + "/segments", "/task/" + done + "/reports",
        "/task/golden-missing-" + run + "/log"}) {
      out.append(answer("GET " + path, server.get(API + path)));
    }
    out.append(answer("POST /taskStatus", server.post(API + "/taskStatus", "application/json",
        "[\"" + done + "\",\"golden-missing-" + run + "\",\"" + running + "\"]")));
    out.append(answer("POST /taskStatus []", server.post(API + "/taskStatus", "application/json", "[]")));
    out.append(answer("POST /task/{running}/shutdown", server.post(API + "/task/" + running + "/shutdown", null, null)));
    server.awaitComplete(running);
    out.append(answer("POST /task/{running}/shutdown again",
        server.post(API + "/task/" + running + "/shutdown", null, null)));
    out.append(answer("GET /task/{running}/status", server.get(API + "/task/" + running + "/status")));
    out.append(answer("DELETE pendingSegments", server.delete(API + "/pendingSegments/golden-" + run)));
    out.append(answer("POST /task bad", server.post(API + "/task", "application/json", "[1]")));
    String text = out.toString().replace(run, "RUN").replace("1970-01-01T00:00:00.000Z", "EPOCH")
        .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z", "TIME")
        .replaceAll("\"duration\":\\d+", "\"duration\":MS")
        .replaceAll("\"port\":[1-9]\\d*", "\"port\":PORT");
    assertThat(GOLDEN).as("the recorded answers").exists();
    assertThat(text).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }

  private static String answer(String what, HttpResponse<String> r) {
    return what + "\n" + r.statusCode() + " " + r.headers().firstValue("Content-Type").orElse("-") + "\n"
        + r.body() + "\n\n";
  }
}
