package dev.druidtasks.api.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document parses without a single message and covers the whole Tasks API. */
class TasksApiSpecTest {
  private static final String V1 = "/druid/indexer/v1";
  private static SwaggerParseResult result;
  private static OpenAPI api;

  @BeforeAll
  static void parse() throws IOException {
    String yaml;
    try (InputStream in = TasksApiSpecTest.class.getResourceAsStream("/tasks-api.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    options.setValidateInternalRefs(true);
    result = new OpenAPIV3Parser().readContents(yaml, null, options);
    api = result.getOpenAPI();
  }

  @Test
  void parsesCleanly() {
    assertThat(result.getMessages()).isEmpty();
    assertThat(api).isNotNull();
    assertThat(api.getOpenapi()).startsWith("3.");
  }

  @Test
  void everyEndpointOfTheDocIsThere() {
    Map<String, PathItem.HttpMethod> expected = Map.ofEntries(
        Map.entry(V1 + "/tasks", PathItem.HttpMethod.GET),
        Map.entry(V1 + "/completeTasks", PathItem.HttpMethod.GET),
        Map.entry(V1 + "/runningTasks", PathItem.HttpMethod.GET),
        Map.entry(V1 + "/waitingTasks", PathItem.HttpMethod.GET),
        Map.entry(V1 + "/pendingTasks", PathItem.HttpMethod.GET),
        Map.entry(V1 + "/task/{taskId}", PathItem.HttpMethod.GET),
        Map.entry(V1 + "/task/{taskId}/status", PathItem.HttpMethod.GET),
        Map.entry(V1 + "/task/{taskId}/segments", PathItem.HttpMethod.GET),
        Map.entry(V1 + "/task/{taskId}/log", PathItem.HttpMethod.GET),
        Map.entry(V1 + "/task/{taskId}/reports", PathItem.HttpMethod.GET),
        Map.entry(V1 + "/task", PathItem.HttpMethod.POST),
        Map.entry(V1 + "/task/{taskId}/shutdown", PathItem.HttpMethod.POST),
        Map.entry(V1 + "/datasources/{dataSource}/shutdownAllTasks", PathItem.HttpMethod.POST),
        Map.entry(V1 + "/taskStatus", PathItem.HttpMethod.POST),
        Map.entry(V1 + "/pendingSegments/{dataSource}", PathItem.HttpMethod.DELETE),
        Map.entry("/status", PathItem.HttpMethod.GET),
        Map.entry("/status/health", PathItem.HttpMethod.GET));
    assertThat(api.getPaths().keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((path, method) ->
        assertThat(api.getPaths().get(path).readOperationsMap()).as(path).containsOnlyKeys(method));
  }

  @Test
  void everyOperationHasAKnownTagAndAnId() {
    Set<String> ids = new TreeSet<>();
    api.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> {
      assertThat(op.getTags()).as(path).hasSize(1);
      assertThat(op.getTags().get(0)).as(path)
          .isIn("TaskInformation", "TaskOperations", "TaskManagement", "Status");
      assertThat(op.getOperationId()).as(path).isNotBlank();
      ids.add(op.getOperationId());
    }));
    assertThat(ids).hasSize(17);
  }

  @Test
  void responseCodesOfTheContractAreDeclared() {
    api.getPaths().forEach((path, item) -> item.readOperations().forEach(op ->
        assertThat(op.getResponses()).as(path).containsKey("200")));
    for (String suffix : List.of("", "/status", "/segments", "/log", "/reports", "/shutdown")) {
      PathItem item = api.getPaths().get(V1 + "/task/{taskId}" + suffix);
      Operation op = item.readOperations().get(0);
      assertThat(op.getResponses()).as(suffix).containsKey("404");
      assertThat(op.getResponses().get("404").getContent()).as(suffix).containsKey("text/plain");
    }
    assertThat(api.getPaths().get(V1 + "/tasks").getGet().getResponses()).containsKeys("400", "500");
    assertThat(api.getPaths().get(V1 + "/task").getPost().getResponses()).containsKeys("400", "415", "500");
    assertThat(api.getPaths().get(V1 + "/taskStatus").getPost().getResponses()).containsKeys("400", "415");
    assertThat(api.getPaths().get(V1 + "/datasources/{dataSource}/shutdownAllTasks").getPost().getResponses())
        .containsKey("404");
  }

  @Test
  void submitLinksToTheTaskEndpoints() {
    var links = api.getPaths().get(V1 + "/task").getPost().getResponses().get("200").getLinks();
    assertThat(links.values()).extracting(l -> l.getOperationId())
        .contains("getTaskStatus", "getTaskPayload", "getTaskLog", "getTaskReports", "shutdownTask");
  }
}
