package dev.druidtasks.api.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document parses without a single message, covers every endpoint of the Tasks API (and the
 * control API)
 * with the status codes and content types of the contract, and its examples fit its schemas.
 */
class TasksApiSpecTest {
  private static final String V1 = "/druid/indexer/v1";
  private static final Set<String> TAGS =
      Set.of("TaskInformation", "TaskOperations", "TaskManagement", "Overlord", "Segments", "Status", "Control");
  private static final String CONTROL = "/druid-tasks/v1/control";
  private static final String JSON = "application/json";
  private static final String TEXT = "text/plain";

  /** Path, method, tag and operationId of every endpoint. */
  private record Endpoint(String path, HttpMethod method, String tag, String operationId) {}

  private static final List<Endpoint> ENDPOINTS = List.of(
      new Endpoint(V1 + "/tasks", HttpMethod.GET, "TaskInformation", "getTasks"),
      new Endpoint(V1 + "/completeTasks", HttpMethod.GET, "TaskInformation", "getCompleteTasks"),
      new Endpoint(V1 + "/runningTasks", HttpMethod.GET, "TaskInformation", "getRunningTasks"),
      new Endpoint(V1 + "/waitingTasks", HttpMethod.GET, "TaskInformation", "getWaitingTasks"),
      new Endpoint(V1 + "/pendingTasks", HttpMethod.GET, "TaskInformation", "getPendingTasks"),
      new Endpoint(V1 + "/task/{taskId}", HttpMethod.GET, "TaskInformation", "getTaskPayload"),
      new Endpoint(V1 + "/task/{taskId}/status", HttpMethod.GET, "TaskInformation", "getTaskStatus"),
      new Endpoint(V1 + "/task/{taskId}/segments", HttpMethod.GET, "TaskInformation", "getTaskSegments"),
      new Endpoint(V1 + "/task/{taskId}/log", HttpMethod.GET, "TaskInformation", "getTaskLog"),
      new Endpoint(V1 + "/task/{taskId}/reports", HttpMethod.GET, "TaskInformation", "getTaskReports"),
      new Endpoint(V1 + "/task", HttpMethod.POST, "TaskOperations", "submitTask"),
      new Endpoint(V1 + "/task/{taskId}/shutdown", HttpMethod.POST, "TaskOperations", "shutdownTask"),
      new Endpoint(V1 + "/datasources/{dataSource}/shutdownAllTasks", HttpMethod.POST, "TaskOperations",
          "shutdownAllTasks"),
      new Endpoint(V1 + "/taskStatus", HttpMethod.POST, "TaskManagement", "getTaskStatuses"),
      new Endpoint(V1 + "/pendingSegments/{dataSource}", HttpMethod.DELETE, "TaskManagement",
          "deletePendingSegments"),
      new Endpoint(V1 + "/leader", HttpMethod.GET, "Overlord", "getLeader"),
      new Endpoint(V1 + "/isLeader", HttpMethod.GET, "Overlord", "isLeader"),
      new Endpoint(V1 + "/workers", HttpMethod.GET, "Overlord", "getWorkers"),
      new Endpoint(V1 + "/totalWorkerCapacity", HttpMethod.GET, "Overlord", "getTotalWorkerCapacity"),
      new Endpoint(V1 + "/lockedIntervals/v2", HttpMethod.POST, "Overlord", "getLockedIntervals"),
      new Endpoint(V1 + "/compaction/isSupervisorEnabled", HttpMethod.GET, "Overlord", "isCompactionSupervisorEnabled"),
      new Endpoint(V1 + "/supervisor", HttpMethod.GET, "Overlord", "getSupervisors"),
      new Endpoint(V1 + "/datasources/{dataSource}", HttpMethod.POST, "Segments", "markAllNonOvershadowedSegmentsAsUsed"),
      new Endpoint(V1 + "/datasources/{dataSource}", HttpMethod.DELETE, "Segments", "markAllSegmentsAsUnused"),
      new Endpoint(V1 + "/datasources/{dataSource}/markUsed", HttpMethod.POST, "Segments",
          "markNonOvershadowedSegmentsAsUsed"),
      new Endpoint(V1 + "/datasources/{dataSource}/markUnused", HttpMethod.POST, "Segments", "markSegmentsAsUnused"),
      new Endpoint(V1 + "/datasources/{dataSource}/segments/{segmentId}", HttpMethod.POST, "Segments",
          "markSegmentAsUsed"),
      new Endpoint(V1 + "/datasources/{dataSource}/segments/{segmentId}", HttpMethod.DELETE, "Segments",
          "markSegmentAsUnused"),
      new Endpoint("/status", HttpMethod.GET, "Status", "getStatus"),
      new Endpoint("/status/health", HttpMethod.GET, "Status", "getHealth"),
      new Endpoint(CONTROL, HttpMethod.GET, "Control", "controlState"),
      new Endpoint(CONTROL + "/reset", HttpMethod.POST, "Control", "reset"),
      new Endpoint(CONTROL + "/scheduling/pause", HttpMethod.POST, "Control", "pauseScheduling"),
      new Endpoint(CONTROL + "/scheduling/resume", HttpMethod.POST, "Control", "resumeScheduling"),
      new Endpoint(CONTROL + "/worker/pause", HttpMethod.POST, "Control", "pauseWorker"),
      new Endpoint(CONTROL + "/worker/resume", HttpMethod.POST, "Control", "resumeWorker"),
      new Endpoint(CONTROL + "/clock/advance", HttpMethod.POST, "Control", "advanceClock"),
      new Endpoint(CONTROL + "/rules", HttpMethod.GET, "Control", "getSimulationRules"),
      new Endpoint(CONTROL + "/rules", HttpMethod.POST, "Control", "addSimulationRule"),
      new Endpoint(CONTROL + "/rules", HttpMethod.DELETE, "Control", "clearSimulationRules"),
      new Endpoint(CONTROL + "/tasks/{taskId}/outcome", HttpMethod.POST, "Control", "setTaskOutcome"),
      new Endpoint(CONTROL + "/submitted", HttpMethod.GET, "Control", "getSubmittedTasks"));

  private static String yaml;
  private static OpenAPI api;
  /** The document as a plain tree, for `$ref` checks and example validation. */
  private static JsonNode tree;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = TasksApiSpecTest.class.getResourceAsStream("/tasks-api.yaml")) {
      assertThat(in).as("tasks-api.yaml on the classpath").isNotNull();
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    SwaggerParseResult result = parse(false);
    assertThat(result.getMessages()).as("parse messages").isEmpty();
    api = result.getOpenAPI();
    tree = Yaml.mapper().readTree(yaml);
  }

  private static SwaggerParseResult parse(boolean resolveFully) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(resolveFully);
    options.setValidateInternalRefs(true);
    return new OpenAPIV3Parser().readContents(yaml, null, options);
  }

  private static Operation operation(String path, HttpMethod method) {
    PathItem item = api.getPaths().get(path);
    assertThat(item).as(path).isNotNull();
    Operation op = item.readOperationsMap().get(method);
    assertThat(op).as(method + " " + path).isNotNull();
    return op;
  }

  private static Operation operation(String operationId) {
    return ENDPOINTS.stream().filter(e -> e.operationId().equals(operationId)).findFirst()
        .map(e -> operation(e.path(), e.method())).orElseThrow();
  }

  private static ApiResponse response(String operationId, String code) {
    ApiResponse r = operation(operationId).getResponses().get(code);
    assertThat(r).as(operationId + " " + code).isNotNull();
    if (r.get$ref() != null) {
      String name = r.get$ref().substring(r.get$ref().lastIndexOf('/') + 1);
      r = api.getComponents().getResponses().get(name);
      assertThat(r).as(operationId + " " + code + " -> " + name).isNotNull();
    }
    return r;
  }

  private static Set<String> contentTypes(String operationId, String code) {
    Content c = response(operationId, code).getContent();
    return c == null ? Set.of() : new TreeSet<>(c.keySet());
  }

  private static Schema<?> deref(Schema<?> s) {
    while (s != null && s.get$ref() != null) {
      String name = s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1);
      s = api.getComponents().getSchemas().get(name);
    }
    return s;
  }

  private static Parameter deref(Parameter p) {
    if (p.get$ref() == null) {
      return p;
    }
    String name = p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1);
    return api.getComponents().getParameters().get(name);
  }

  private static RequestBody deref(RequestBody b) {
    if (b == null || b.get$ref() == null) {
      return b;
    }
    String name = b.get$ref().substring(b.get$ref().lastIndexOf('/') + 1);
    return api.getComponents().getRequestBodies().get(name);
  }

  @Test
  void parsesWithoutAnyMessage() {
    assertThat(api).isNotNull();
    assertThat(api.getOpenapi()).isEqualTo("3.0.3");
    assertThat(parse(true).getMessages()).as("messages when resolved fully").isEmpty();
    assertThat(api.getServers()).extracting(s -> s.getUrl()).containsExactly("http://localhost:8888");
  }

  @Test
  void parsesFromItsLocationToo() throws URISyntaxException {
    URL url = TasksApiSpecTest.class.getResource("/tasks-api.yaml");
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result =
        new OpenAPIV3Parser().readLocation(Path.of(url.toURI()).toString(), null, options);
    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getPaths()).hasSize((int) ENDPOINTS.stream().map(Endpoint::path).distinct().count());
  }

  @Test
  void everyEndpointIsThereWithItsMethodOnly() {
    Map<String, Set<HttpMethod>> methods = new LinkedHashMap<>();
    ENDPOINTS.forEach(e -> methods.computeIfAbsent(e.path(), p -> new TreeSet<>()).add(e.method()));
    assertThat(api.getPaths().keySet()).containsExactlyInAnyOrderElementsOf(methods.keySet());
    methods.forEach((path, ms) ->
        assertThat(api.getPaths().get(path).readOperationsMap().keySet()).as(path).containsExactlyInAnyOrderElementsOf(ms));
  }

  @Test
  void everyOperationHasOneKnownTagAndItsOperationId() {
    assertThat(api.getTags()).extracting(t -> t.getName()).containsExactlyInAnyOrderElementsOf(TAGS);
    Set<String> ids = new TreeSet<>();
    api.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> {
      assertThat(op.getTags()).as(path).hasSize(1);
      assertThat(op.getTags().get(0)).as(path).isIn(TAGS);
      assertThat(op.getOperationId()).as(path).isNotBlank().matches("[a-z][A-Za-z]*");
      assertThat(ids.add(op.getOperationId())).as("unique " + op.getOperationId()).isTrue();
    }));
    for (Endpoint e : ENDPOINTS) {
      Operation op = operation(e.path(), e.method());
      assertThat(op.getOperationId()).as(e.path()).isEqualTo(e.operationId());
      assertThat(op.getTags()).as(e.path()).containsExactly(e.tag());
    }
  }

  @Test
  void everyRefResolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(tree, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).as("local reference").startsWith("#/");
      assertThat(tree.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> {
        if (f.getKey().equals("$ref")) {
          refs.add(f.getValue().asText());
        } else {
          collectRefs(f.getValue(), refs);
        }
      });
    } else if (node.isArray()) {
      node.forEach(n -> collectRefs(n, refs));
    }
  }

  @Test
  void queryParametersAreStringsSoTheServerCanNameBadValues() {
    Map<String, Set<String>> expected = new LinkedHashMap<>();
    expected.put("getTasks", Set.of("state", "datasource", "createdTimeInterval", "max", "type"));
    expected.put("getCompleteTasks", Set.of("datasource", "createdTimeInterval", "max", "type", "n"));
    expected.put("getRunningTasks", Set.of("datasource", "createdTimeInterval", "max", "type"));
    expected.put("getWaitingTasks", Set.of("datasource", "createdTimeInterval", "max", "type"));
    expected.put("getPendingTasks", Set.of("datasource", "createdTimeInterval", "max", "type"));
    expected.put("getTaskLog", Set.of("offset"));
    expected.put("deletePendingSegments", Set.of("interval"));
    expected.put("getSupervisors", Set.of("system", "full"));
    expected.put("getSubmittedTasks", Set.of("type", "datasource", "max"));
    for (Endpoint e : ENDPOINTS) {
      List<Parameter> params = operation(e.path(), e.method()).getParameters();
      List<Parameter> all = params == null ? List.of() : params.stream().map(TasksApiSpecTest::deref).toList();
      Set<String> query = new TreeSet<>();
      for (Parameter p : all) {
        assertThat(p.getSchema().getType()).as(e.operationId() + " " + p.getName()).isEqualTo("string");
        if (p.getIn().equals("query")) {
          query.add(p.getName());
          assertThat(p.getRequired()).as(e.operationId() + " " + p.getName()).isNotEqualTo(Boolean.TRUE);
        } else {
          assertThat(p.getIn()).isEqualTo("path");
          assertThat(e.path()).contains("{" + p.getName() + "}");
          assertThat(p.getRequired()).isTrue();
        }
      }
      assertThat(query).as(e.operationId()).isEqualTo(expected.getOrDefault(e.operationId(), Set.of()));
    }
  }

  @Test
  void submitTakesAnyTaskObjectThatHasAType() {
    RequestBody body = deref(operation("submitTask").getRequestBody());
    assertThat(body.getRequired()).isTrue();
    assertThat(body.getContent()).containsOnlyKeys(JSON);
    Schema<?> spec = deref(body.getContent().get(JSON).getSchema());
    assertThat(spec.getType()).isEqualTo("object");
    assertThat(spec.getRequired()).containsExactly("type");
    assertThat(spec.getAdditionalProperties()).isEqualTo(Boolean.TRUE);
    // No declared properties: the generated interface then takes a Map, which keeps every field.
    assertThat(spec.getProperties()).isNullOrEmpty();
  }

  @Test
  void shutdownsAcceptAnyBodyOrNone() {
    for (String id : List.of("shutdownTask", "shutdownAllTasks")) {
      RequestBody body = deref(operation(id).getRequestBody());
      assertThat(body).as(id).isNotNull();
      assertThat(body.getRequired()).as(id).isNotEqualTo(Boolean.TRUE);
      assertThat(body.getContent()).as(id).containsOnlyKeys("*/*");
      assertThat(body.getContent().get("*/*").getSchema().getType()).as(id).isEqualTo("string");
    }
  }

  @Test
  void bulkStatusTakesAnArrayOfIds() {
    RequestBody body = deref(operation("getTaskStatuses").getRequestBody());
    assertThat(body.getRequired()).isTrue();
    assertThat(body.getContent()).containsOnlyKeys(JSON);
    Schema<?> s = deref(body.getContent().get(JSON).getSchema());
    assertThat(s.getType()).isEqualTo("array");
    assertThat(s.getItems().getType()).isEqualTo("string");
  }

  @Test
  void responseCodesOfTheContractAreDeclared() {
    Map<String, Set<String>> required = new LinkedHashMap<>();
    required.put("getTasks", Set.of("200", "400", "500"));
    required.put("getCompleteTasks", Set.of("200", "400", "404"));
    required.put("getRunningTasks", Set.of("200", "400"));
    required.put("getWaitingTasks", Set.of("200", "400"));
    required.put("getPendingTasks", Set.of("200", "400"));
    required.put("getTaskPayload", Set.of("200", "404"));
    required.put("getTaskStatus", Set.of("200", "404"));
    required.put("getTaskSegments", Set.of("200", "404"));
    required.put("getTaskLog", Set.of("200", "400", "404"));
    required.put("getTaskReports", Set.of("200", "404"));
    required.put("submitTask", Set.of("200", "400", "415", "500"));
    required.put("shutdownTask", Set.of("200", "404"));
    required.put("shutdownAllTasks", Set.of("200", "404"));
    required.put("getTaskStatuses", Set.of("200", "400", "415"));
    required.put("deletePendingSegments", Set.of("200", "400"));
    required.put("getLeader", Set.of("200"));
    required.put("isLeader", Set.of("200", "404"));
    required.put("getWorkers", Set.of("200"));
    required.put("getTotalWorkerCapacity", Set.of("200"));
    required.put("getLockedIntervals", Set.of("200", "400", "415"));
    required.put("isCompactionSupervisorEnabled", Set.of("200"));
    required.put("getSupervisors", Set.of("200"));
    required.put("markAllNonOvershadowedSegmentsAsUsed", Set.of("200"));
    required.put("markAllSegmentsAsUnused", Set.of("200"));
    required.put("markNonOvershadowedSegmentsAsUsed", Set.of("200", "400", "415"));
    required.put("markSegmentsAsUnused", Set.of("200", "400", "415"));
    required.put("markSegmentAsUsed", Set.of("200"));
    required.put("markSegmentAsUnused", Set.of("200"));
    required.put("getStatus", Set.of("200"));
    required.put("getHealth", Set.of("200"));
    for (String control : List.of("controlState", "reset", "pauseScheduling", "resumeScheduling", "pauseWorker",
        "resumeWorker", "getSimulationRules", "clearSimulationRules")) {
      required.put(control, Set.of("200"));
    }
    required.put("advanceClock", Set.of("200", "400"));
    required.put("addSimulationRule", Set.of("200", "400"));
    required.put("setTaskOutcome", Set.of("200", "400", "404"));
    required.put("getSubmittedTasks", Set.of("200", "400"));
    assertThat(required.keySet())
        .containsExactlyInAnyOrderElementsOf(ENDPOINTS.stream().map(Endpoint::operationId).toList());
    required.forEach((id, codes) ->
        assertThat(operation(id).getResponses().keySet()).as(id).containsAll(codes));
  }

  @Test
  void contentTypesFollowTheContract() {
    for (Endpoint e : ENDPOINTS) {
      if (e.path().startsWith(V1 + "/task/{taskId}")) {
        assertThat(contentTypes(e.operationId(), "404")).as(e.operationId() + " 404").contains(TEXT);
      }
      String ok = e.operationId().equals("getTaskLog") ? TEXT : JSON;
      assertThat(contentTypes(e.operationId(), "200")).as(e.operationId() + " 200").containsExactly(ok);
      for (String code : operation(e.operationId()).getResponses().keySet()) {
        Set<String> types = contentTypes(e.operationId(), code);
        assertThat(types).as(e.operationId() + " " + code).isSubsetOf(JSON, TEXT);
        // a non-leader answers isLeader with 404 {"leader": false}, as Druid does
        if (types.contains(JSON) && !code.equals("200") && !e.operationId().equals("isLeader")) {
          assertThat(deref(response(e.operationId(), code).getContent().get(JSON).getSchema()))
              .as(e.operationId() + " " + code + " is an Error")
              .isSameAs(api.getComponents().getSchemas().get("Error"));
        }
      }
    }
    assertThat(contentTypes("getTaskPayload", "404")).containsExactly(TEXT);
    assertThat(contentTypes("getTaskStatus", "404")).containsExactly(TEXT);
    assertThat(contentTypes("getTaskLog", "404")).containsExactly(TEXT);
    assertThat(contentTypes("getTaskReports", "404")).containsExactly(TEXT);
    assertThat(contentTypes("shutdownTask", "404")).containsExactly(TEXT);
    assertThat(contentTypes("getTasks", "400")).contains(TEXT, JSON);
    assertThat(contentTypes("shutdownAllTasks", "404")).isEmpty();
    assertThat(contentTypes("getCompleteTasks", "404")).isEmpty();
    for (String id : List.of("submitTask", "getTaskStatuses")) {
      assertThat(contentTypes(id, "400")).as(id).containsExactly(JSON);
      assertThat(contentTypes(id, "415")).as(id).containsExactly(JSON);
    }
    for (String id : List.of("getCompleteTasks", "getRunningTasks", "getWaitingTasks", "getPendingTasks",
        "getTaskLog", "deletePendingSegments")) {
      assertThat(contentTypes(id, "400")).as(id).containsExactly(JSON);
    }
  }

  @Test
  void submitLinksToTheTaskEndpoints() {
    var links = response("submitTask", "200").getLinks();
    assertThat(links).isNotNull();
    assertThat(links.values()).extracting(l -> l.getOperationId()).containsExactlyInAnyOrder(
        "getTaskStatus", "getTaskPayload", "getTaskLog", "getTaskReports", "shutdownTask");
    links.values().forEach(l ->
        assertThat(l.getParameters()).as(l.getOperationId())
            .containsExactly(Map.entry("taskId", "$response.body#/task")));
  }

  @Test
  void taskStatusPlusHasItsTwelveKeys() {
    Schema<?> s = api.getComponents().getSchemas().get("TaskStatusPlus");
    assertThat(s.getRequired()).containsExactlyInAnyOrder("id", "groupId", "type", "createdTime",
        "queueInsertionTime", "statusCode", "status", "runnerStatusCode", "duration", "location",
        "dataSource", "errorMsg");
    assertThat(s.getProperties().keySet()).containsAll(s.getRequired());
    assertThat(s.getProperties().get("errorMsg").getNullable()).isTrue();
    assertThat(s.getProperties().get("dataSource").getNullable()).isTrue();
    assertThat(s.getProperties().get("statusCode").getEnum()).containsExactly("RUNNING", "SUCCESS", "FAILED");
    assertThat(s.getProperties().get("status").getEnum()).containsExactly("RUNNING", "SUCCESS", "FAILED");
    assertThat(s.getProperties().get("runnerStatusCode").getEnum())
        .containsExactly("WAITING", "PENDING", "RUNNING", "NONE");
    assertThat(s.getProperties().get("duration").getFormat()).isEqualTo("int64");
    Schema<?> location = api.getComponents().getSchemas().get("TaskLocation");
    assertThat(location.getProperties().get("host").getNullable()).isTrue();
  }

  // ---- examples against schemas ----

  @Test
  void everyExampleFitsItsSchema() {
    Map<String, List<String>> problems = new TreeMap<>();
    int[] checked = {0};
    tree.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      String where = op.getKey().toUpperCase() + " " + path.getKey();
      for (JsonNode param : op.getValue().path("parameters")) {
        JsonNode p = resolve(param);
        if (p.has("example")) {
          checked[0]++;
          addProblems(problems, where + " parameter " + p.path("name").asText(),
              validate(p.get("example"), p.path("schema"), "$"));
        }
      }
      JsonNode body = resolve(op.getValue().path("requestBody"));
      checkContent(where + " request", body.path("content"), problems, checked);
      op.getValue().path("responses").fields().forEachRemaining(r ->
          checkContent(where + " " + r.getKey(), resolve(r.getValue()).path("content"), problems, checked));
    }));
    assertThat(problems).isEmpty();
    assertThat(checked[0]).as("examples checked").isGreaterThanOrEqualTo(20);
  }

  private static void checkContent(String where, JsonNode content, Map<String, List<String>> problems,
      int[] checked) {
    content.fields().forEachRemaining(media -> {
      JsonNode schema = media.getValue().path("schema");
      List<JsonNode> examples = new ArrayList<>();
      if (media.getValue().has("example")) {
        examples.add(media.getValue().get("example"));
      }
      media.getValue().path("examples").forEach(ex -> examples.add(resolve(ex).path("value")));
      for (JsonNode example : examples) {
        checked[0]++;
        addProblems(problems, where + " " + media.getKey(), validate(example, schema, "$"));
      }
    });
  }

  private static void addProblems(Map<String, List<String>> problems, String where, List<String> found) {
    if (!found.isEmpty()) {
      problems.computeIfAbsent(where, k -> new ArrayList<>()).addAll(found);
    }
  }

  @Test
  void errorSchemaAcceptsBothOfDruidsForms() {
    JsonNode error = tree.at("/components/schemas/Error");
    assertThat(validate(json("{\"error\": \"Task ids must not be empty\"}"), error, "$")).isEmpty();
    assertThat(validate(json("{\"error\": \"druidException\", \"errorCode\": \"entryAlreadyExists\","
        + " \"persona\": \"USER\", \"category\": \"INVALID_INPUT\", \"errorMessage\": \"Task[x] already exists\","
        + " \"context\": {}}"), error, "$")).isEmpty();
    assertThat(validate(json("{\"errorMessage\": \"no error key\"}"), error, "$")).isNotEmpty();
  }

  @Test
  void statusSchemasAcceptWhatDruidAnswersAndRejectWhatItNeverDoes() {
    JsonNode plus = tree.at("/components/schemas/TaskStatusPlus");
    String waiting = "{\"id\": \"t\", \"groupId\": \"t\", \"type\": \"noop\","
        + " \"createdTime\": \"2023-06-26T21:08:05.217Z\","
        + " \"queueInsertionTime\": \"1970-01-01T00:00:00.000Z\", \"statusCode\": \"RUNNING\", \"status\": \"RUNNING\","
        + " \"runnerStatusCode\": \"WAITING\", \"duration\": -1, \"location\": {\"host\": null, \"port\": -1,"
        + " \"tlsPort\": -1}, \"dataSource\": null, \"errorMsg\": null}";
    assertThat(validate(json(waiting), plus, "$")).isEmpty();
    assertThat(validate(json(waiting.replace("\"statusCode\": \"RUNNING\"", "\"statusCode\": \"WAITING\"")), plus, "$"))
        .isNotEmpty();
    assertThat(validate(json(waiting.replace(", \"errorMsg\": null", "")), plus, "$")).isNotEmpty();
    assertThat(validate(json(waiting.replace("\"duration\": -1", "\"duration\": \"-1\"")), plus, "$")).isNotEmpty();
    assertThat(validate(json(waiting.replace("1970-01-01T00:00:00.000Z", "yesterday")), plus, "$")).isNotEmpty();
    assertThat(validate(json(waiting.replace("\"location\": {\"host\": null, \"port\": -1, \"tlsPort\": -1}",
        "\"location\": null")), plus, "$")).isNotEmpty();

    JsonNode bulk = tree.at("/components/schemas/BulkTaskStatus");
    assertThat(validate(json("{}"), bulk, "$")).isEmpty();
    assertThat(validate(json("{\"t\": {\"id\": \"t\", \"status\": \"FAILED\", \"duration\": 5,"
        + " \"errorMsg\": \"Shutdown request from user\", \"location\": {\"host\": \"localhost\", \"port\": 8100,"
        + " \"tlsPort\": -1}}}"), bulk, "$")).isEmpty();
    assertThat(validate(json("{\"t\": {\"id\": \"t\"}}"), bulk, "$")).isNotEmpty();
  }

  @Test
  void reportPayloadSchemaFitsTheDocumentedReport() {
    JsonNode sample = resolve(tree.at("/paths/~1druid~1indexer~1v1~1task~1{taskId}~1reports/get/responses/200"))
        .at("/content/application~1json/examples/ingestion/value/ingestionStatsAndErrors/payload");
    assertThat(sample.isObject()).isTrue();
    assertThat(validate(sample, tree.at("/components/schemas/IngestionStatsAndErrors"), "$")).isEmpty();
    JsonNode withCounts = sample.deepCopy();
    ((ObjectNode) withCounts)
        .put("segmentsRead", 0).put("segmentsPublished", 1)
        .set("recordsProcessed", json("{\"0\": 39244}"));
    assertThat(validate(withCounts, tree.at("/components/schemas/IngestionStatsAndErrors"), "$")).isEmpty();
  }

  private static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static JsonNode resolve(JsonNode node) {
    int hops = 0;
    while (node.has("$ref")) {
      node = tree.at(node.get("$ref").asText().substring(1));
      assertThat(++hops).as("reference chain").isLessThan(10);
    }
    return node;
  }

  /**
   * Checks a value against the subset of OpenAPI 3.0 schema keywords this document uses:
   * {@code $ref, type, format (int32, int64, date-time), nullable, enum, required, properties,
   * additionalProperties, items}. Anything else makes the check fail, so the document cannot
   * silently grow keywords this check ignores.
   */
  private static List<String> validate(JsonNode value, JsonNode schema, String at) {
    List<String> errors = new ArrayList<>();
    schema = resolve(schema);
    for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
      String keyword = it.next();
      if (!Set.of("type", "format", "nullable", "enum", "required", "properties", "additionalProperties",
          "items", "description", "example", "deprecated").contains(keyword)) {
        errors.add(at + ": schema keyword not checked here: " + keyword);
      }
    }
    if (value == null || value.isMissingNode()) {
      errors.add(at + ": missing");
      return errors;
    }
    if (value.isNull()) {
      if (schema.has("type") && !schema.path("nullable").asBoolean(false)) {
        errors.add(at + ": null is not allowed");
      }
      return errors;
    }
    String type = schema.path("type").asText("");
    String format = schema.path("format").asText("");
    switch (type) {
      case "" -> { }
      case "object" -> {
        if (!value.isObject()) {
          errors.add(at + ": not an object");
          return errors;
        }
      }
      case "array" -> {
        if (!value.isArray()) {
          errors.add(at + ": not an array");
          return errors;
        }
      }
      case "string" -> {
        if (!value.isTextual()) {
          errors.add(at + ": not a string");
          return errors;
        }
        if (format.equals("date-time")) {
          try {
            OffsetDateTime.parse(value.asText());
          } catch (DateTimeParseException e) {
            errors.add(at + ": not a date-time: " + value.asText());
          }
        }
      }
      case "integer" -> {
        if (!value.isIntegralNumber()) {
          errors.add(at + ": not an integer");
          return errors;
        }
        if (format.equals("int32") && !value.canConvertToInt()) {
          errors.add(at + ": not a 32-bit integer");
        }
        if (format.equals("int64") && !value.canConvertToLong()) {
          errors.add(at + ": not a 64-bit integer");
        }
      }
      case "number" -> {
        if (!value.isNumber()) {
          errors.add(at + ": not a number");
          return errors;
        }
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          errors.add(at + ": not a boolean");
          return errors;
        }
      }
      default -> errors.add(at + ": unknown type " + type);
    }
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode allowed : schema.get("enum")) {
        found |= allowed.equals(value);
      }
      if (!found) {
        errors.add(at + ": " + value + " is not one of " + schema.get("enum"));
      }
    }
    if (value.isObject()) {
      for (JsonNode name : schema.path("required")) {
        if (!value.has(name.asText())) {
          errors.add(at + ": required key missing: " + name.asText());
        }
      }
      JsonNode properties = schema.path("properties");
      JsonNode additional = schema.path("additionalProperties");
      value.fields().forEachRemaining(f -> {
        String child = at + "." + f.getKey();
        if (properties.has(f.getKey())) {
          errors.addAll(validate(f.getValue(), properties.get(f.getKey()), child));
        } else if (additional.isObject()) {
          errors.addAll(validate(f.getValue(), additional, child));
        } else if (additional.isBoolean() && !additional.asBoolean()) {
          errors.add(child + ": key not allowed");
        }
      });
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        errors.addAll(validate(value.get(i), schema.get("items"), at + "[" + i + "]"));
      }
    }
    return errors;
  }

  @Test
  void theExampleCheckerItselfCatchesMistakes() {
    JsonNode schema = json("{\"type\": \"object\", \"required\": [\"a\"], \"properties\": {"
        + "\"a\": {\"type\": \"integer\", \"format\": \"int32\"},"
        + " \"b\": {\"type\": \"string\", \"enum\": [\"X\"]}}, \"additionalProperties\": false}");
    assertThat(validate(json("{\"a\": 1, \"b\": \"X\"}"), schema, "$")).isEmpty();
    assertThat(validate(json("{\"b\": \"X\"}"), schema, "$")).hasSize(1);
    assertThat(validate(json("{\"a\": 1, \"b\": \"Y\"}"), schema, "$")).hasSize(1);
    assertThat(validate(json("{\"a\": 1, \"c\": 2}"), schema, "$")).hasSize(1);
    assertThat(validate(json("{\"a\": 9999999999}"), schema, "$")).hasSize(1);
    assertThat(validate(json("{\"a\": null}"), schema, "$")).hasSize(1);
    assertThat(validate(TextNode.valueOf("x"), schema, "$")).hasSize(1);
    assertThat(validate(JsonNodeFactory.instance.booleanNode(true), json("{\"type\": \"boolean\"}"), "$")).isEmpty();
    assertThat(validate(json("{}"), json("{\"oneOf\": []}"), "$")).hasSize(1);
  }
}
