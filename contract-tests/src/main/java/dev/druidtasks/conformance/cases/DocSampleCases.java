package dev.druidtasks.conformance.cases;

import static dev.druidtasks.conformance.cases.ConformanceCase.define;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.conformance.Capability;
import dev.druidtasks.conformance.Endpoint;
import dev.druidtasks.conformance.check.Expect;
import dev.druidtasks.conformance.check.JsonShape;
import dev.druidtasks.conformance.http.ApiRequest;
import dev.druidtasks.conformance.http.Exchange;
import dev.druidtasks.conformance.state.SuiteState;
import dev.druidtasks.conformance.state.SuiteState.SampleKind;
import dev.druidtasks.conformance.state.TaskDriver;
import dev.druidtasks.conformance.state.TaskView;
import dev.druidtasks.fixtures.DocRequest;
import dev.druidtasks.fixtures.DocSample;
import dev.druidtasks.fixtures.DocSamples;
import dev.druidtasks.fixtures.PathSegments;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every documented sample request, replayed once the state it needs exists: the documented
 * status, content type, and an answer shaped like the documented one.
 */
final class DocSampleCases {
  private DocSampleCases() {}

  private static String source(DocSample s) {
    return "doc: " + s.section() + ", sample request";
  }

  /** Keys of the doc sample's json inputFormat that Druid 33 no longer writes into a stored payload. */
  private static final List<String> DRUID_33_ABSENT_INPUT_FORMAT_KEYS =
      List.of("keepNullColumns", "assumeNewlineDelimited", "useJsonNodeReader");

  /** The sample ingestion's payload has the sample's shape, less {@code absentInputFormatKeys}. */
  private static void payloadAsSample(CaseContext c, List<String> absentInputFormatKeys) {
    DocSample s = DocSamples.get("get-task-payload");
    String id = s.request().pathParams().get("taskId");
    c.state().sampleTask(c.tasks(), id, null, SampleKind.COMPLETE_INGESTION);
    // The suite ingests inline rows, not the doc's local file; later Druids add tuning and context keys.
    JsonShape shape = JsonShape.strict().openAt("$.payload.spec.ioConfig.inputSource",
        "$.payload.spec.ioConfig.inputFormat", "$.payload.spec.tuningConfig", "$.payload.context",
        "$.payload.spec.tuningConfig.*", "$.payload");
    JsonNode sampleBody = s.responseBody().orElseThrow().deepCopy();
    ObjectNode ioConfig = (ObjectNode) sampleBody.path("payload").path("spec").path("ioConfig");
    ioConfig.putNull("inputSource");
    ((ObjectNode) ioConfig.path("inputFormat")).remove(absentInputFormatKeys);
    Exchange ex = c.send(request(s));
    Expect.status(ex, s.successStatus());
    JsonNode body = Expect.json(ex);
    Expect.shape(shape, sampleBody, body, ex);
    Expect.equal(id, body.path("task").asText(null), "task", ex);
    for (String key : absentInputFormatKeys) {
      Expect.that(!body.path("payload").path("spec").path("ioConfig").path("inputFormat").has(key),
          "the stored inputFormat has '" + key + "'", ex);
    }
  }

  private static ConformanceCase.Definition sample(String folder, String title) {
    DocSample s = DocSamples.get(folder);
    Endpoint e = Endpoint.find(s.operationId()).orElseThrow();
    return define("sample." + folder, e, title).source(source(s));
  }

  /** The request as the doc writes it (path segments encoded; the doc's errata path corrected). */
  static ApiRequest request(DocSample s) {
    DocRequest r = s.request();
    String path = s.errata().isPresent() ? r.encodedEndpointPath() : encodeSegments(r.path());
    return request(s, path);
  }

  /** The sample's request with other path parameters. */
  static ApiRequest request(DocSample s, Map<String, String> params) {
    DocRequest r = s.request();
    DocRequest other = new DocRequest(r.method(), r.path(), r.pathTemplate(), params, r.query(), r.headers(), r.body());
    return request(s, other.encodedEndpointPath());
  }

  private static ApiRequest request(DocSample s, String path) {
    DocRequest r = s.request();
    byte[] body = r.hasBody() ? r.body().toString().getBytes(StandardCharsets.UTF_8) : null;
    return new ApiRequest(r.method(), path, r.query(), r.headers(), body);
  }

  private static String encodeSegments(String path) {
    StringBuilder out = new StringBuilder();
    String[] parts = path.split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.append('/');
      }
      out.append(PathSegments.encode(parts[i]));
    }
    return out.toString();
  }

  /** Replays the sample and checks status, JSON content type and shape; returns the answer. */
  private static JsonNode replayJson(CaseContext c, DocSample s, JsonShape shape) {
    Exchange ex = c.send(request(s));
    Expect.status(ex, s.successStatus());
    JsonNode body = Expect.json(ex);
    Expect.shape(shape, s.responseBody().orElseThrow(), body, ex);
    return body;
  }

  private static void expectListed(JsonNode list, String id, CaseContext c) {
    for (JsonNode t : list) {
      if (t.path("id").asText().equals(id)) {
        return;
      }
    }
    Expect.that(false, "the answer does not list task " + id, c.lastExchange());
  }

  static List<ConformanceCase> withFreeSlots() {
    List<ConformanceCase> out = new ArrayList<>();
    out.add(sample("get-tasks", "the doc's filtered /tasks/ request answers 200 with sample-shaped tasks").run(c ->
        replayJson(c, DocSamples.get("get-tasks"), JsonShape.strict())));
    out.add(sample("get-complete-tasks", "/completeTasks answers 200 with sample-shaped complete tasks").run(c -> {
      c.state().completed(c.tasks());
      JsonNode body = replayJson(c, DocSamples.get("get-complete-tasks"), JsonShape.strict());
      Expect.that(body.size() > 0, "no complete task listed", c.lastExchange());
    }));
    out.add(sample("get-task-status", "the sample's task status answers 200 shaped as the sample").run(c -> {
      DocSample s = DocSamples.get("get-task-status");
      String id = s.request().pathParams().get("taskId");
      c.state().sampleTask(c.tasks(), id, "wikipedia_api", SampleKind.ANY_NOOP);
      JsonNode body = replayJson(c, s, JsonShape.strict());
      Expect.equal(id, body.path("task").asText(null), "task", c.lastExchange());
      c.tasks().shutdown(id);
    }));
    out.add(sample("get-task-log", "the sample's task log answers 200 text/plain").needs(Capability.LOGS).run(c -> {
      DocSample s = DocSamples.get("get-task-log");
      c.state().sampleTask(c.tasks(), s.request().pathParams().get("taskId"), "social_media",
          SampleKind.COMPLETE_NOOP);
      Exchange ex = c.send(request(s));
      Expect.status(ex, s.successStatus());
      Expect.mediaType(ex, "text/plain");
      Expect.that(ex.response().body().length > 0, "empty log", ex);
    }));
    out.add(sample("shutdown-task", "shutdown of the sample's running task (id with a space) answers 200 {task}")
        .run(c -> {
          DocSample s = DocSamples.get("shutdown-task");
          String id = s.request().pathParams().get("taskId");
          var used = c.tasks().find(id);
          if (used.isPresent() && !used.get().active()) {
            // The sample's id was spent by an earlier run: the same request with a fresh id holding a space.
            id = c.ids().task("query-52as 8aafe");
          }
          c.state().sampleTask(c.tasks(), id, "wikipedia_api", SampleKind.RUNNING_NOOP);
          Exchange ex = c.send(request(s, Map.of("taskId", id)));
          Expect.status(ex, s.successStatus());
          JsonNode body = Expect.json(ex);
          Expect.shape(JsonShape.strict(), s.responseBody().orElseThrow(), body, ex);
          Expect.equal(id, body.path("task").asText(null), "task", ex);
          TaskCases.expectShutDown(c, id);
        }));
    out.add(sample("shutdown-all-tasks", "shutdownAllTasks of the sample's datasource answers 200 {dataSource}")
        .docOnly().run(c -> {
          DocSample s = DocSamples.get("shutdown-all-tasks");
          String ds = s.request().pathParams().get("dataSource");
          List<JsonNode> active = new ArrayList<>();
          for (JsonNode t : c.tasks().list("/tasks", Map.of("datasource", ds))) {
            if (t.path("statusCode").asText().equals("RUNNING")) {
              active.add(t);
            }
          }
          if (!active.isEmpty()) {
            CaseContext.skip("datasource " + ds + " has active tasks the suite did not start ("
                + CaseContext.ids(active) + "); replaying the sample would stop them");
          }
          String id = c.tasks().submitNoop(c.ids().task("sample-all"), ds, c.state().longRunMs());
          JsonNode body = replayJson(c, s, JsonShape.strict());
          Expect.equal(ds, body.path("dataSource").asText(null), "dataSource", c.lastExchange());
          TaskCases.expectShutDown(c, id);
        }));
    out.add(sample("get-task-statuses", "bulk status of the sample's two complete tasks answers sample-shaped entries")
        .run(c -> {
          DocSample s = DocSamples.get("get-task-statuses");
          Set<String> ids = new HashSet<>();
          s.request().body().forEach(n -> ids.add(n.asText()));
          for (String id : ids) {
            c.state().sampleTask(c.tasks(), id, "wikipedia_auto", SampleKind.COMPLETE_NOOP);
          }
          Exchange ex = c.send(request(s));
          Expect.status(ex, s.successStatus());
          JsonNode body = Expect.jsonObject(ex);
          Set<String> keys = new HashSet<>();
          body.fieldNames().forEachRemaining(keys::add);
          Expect.equal(ids, keys, "ids answered", ex);
          // The sample is keyed by ids: each entry is compared with the sample's first entry.
          JsonNode sampleEntry = s.responseBody().orElseThrow().elements().next();
          for (Iterator<JsonNode> it = body.elements(); it.hasNext(); ) {
            Expect.shape(JsonShape.strict(), sampleEntry, it.next(), ex);
          }
        }));
    out.add(sample("delete-pending-segments", "pending-segment clean-up of the sample's datasource answers {numDeleted}")
        .run(c -> {
          DocSample s = DocSamples.get("delete-pending-segments");
          String ds = s.request().pathParams().get("dataSource");
          for (JsonNode t : c.tasks().list("/tasks", Map.of("datasource", ds))) {
            if (t.path("statusCode").asText().equals("RUNNING")) {
              CaseContext.skip("an active task of " + ds + " (" + t.path("id").asText() + ") blocks the clean-up");
            }
          }
          JsonNode body = replayJson(c, s, JsonShape.strict());
          Expect.that(body.path("numDeleted").asLong(-1) >= 0, "numDeleted is negative", c.lastExchange());
        }));
    out.add(sample("submit-task", "the doc's Wikipedia ingestion spec is accepted: 200 {task}")
        .needs(Capability.INGESTION).run(c -> {
          DocSample s = DocSamples.get("submit-task");
          Exchange ex = c.send(request(s));
          if (ex.status() == 400 && ex.response().text().matches("(?is).*(basedir|quickstart|does not exist|"
              + "no such|not allowed|outside).*")) {
            CaseContext.skip("the target cannot read the sample's input quickstart/tutorial/ ("
                + ex.response().text().trim() + ")");
          }
          Expect.status(ex, s.successStatus());
          JsonNode body = Expect.json(ex);
          Expect.shape(JsonShape.strict(), s.responseBody().orElseThrow(), body, ex);
          String id = body.path("task").asText();
          c.tasks().awaitComplete(id);
        }));
    out.add(sample("get-task-payload", "the sample ingestion task's payload is shaped as the sample's")
        .docOnly().needs(Capability.INGESTION).run(c -> payloadAsSample(c, List.of())));
    out.add(define("sample.get-task-payload.druid", Endpoint.GET_TASK_PAYLOAD,
        "Druid 33 stores the sample's payload without the json inputFormat keys of the doc's older Druid")
        .source("reference Druid 33.0.0").druidOnly().needs(Capability.INGESTION)
        .run(c -> payloadAsSample(c, DRUID_33_ABSENT_INPUT_FORMAT_KEYS)));
    out.add(sample("get-task-reports", "the sample ingestion task's report is shaped as the sample's")
        .needs(Capability.INGESTION, Capability.REPORTS).run(c -> {
          DocSample s = DocSamples.get("get-task-reports");
          String id = s.request().pathParams().get("taskId");
          c.state().sampleTask(c.tasks(), id, null, SampleKind.COMPLETE_INGESTION);
          // Other report kinds (Druid 33: taskContext) and newer payload keys are allowed.
          JsonNode body = replayJson(c, s, JsonShape.strict().openAt("$", "$.ingestionStatsAndErrors.payload"));
          Expect.equal(id, body.path("ingestionStatsAndErrors").path("taskId").asText(null), "taskId", c.lastExchange());
        }));
    out.add(sample("get-task-segments", "the sample ingestion task's segments: 200, an array of segments")
        .docOnly().needs(Capability.INGESTION, Capability.SEGMENTS).run(c -> {
          DocSample s = DocSamples.get("get-task-segments");
          String id = s.request().pathParams().get("taskId");
          c.state().sampleTask(c.tasks(), id, null, SampleKind.COMPLETE_INGESTION);
          Exchange ex = c.send(request(s));
          Expect.status(ex, s.successStatus());
          JsonNode body = Expect.jsonArray(ex);
          Expect.that(body.size() > 0, "no segment listed for a successful ingestion", ex);
        }));
    return out;
  }

  static List<ConformanceCase> saturated() {
    List<ConformanceCase> out = new ArrayList<>();
    out.add(sample("get-running-tasks", "/runningTasks lists running tasks shaped as the sample").run(c -> {
      SuiteState.Saturation sat = c.state().saturation(c.tasks());
      JsonNode body = replayJson(c, DocSamples.get("get-running-tasks"), JsonShape.strict());
      for (String id : sat.running()) {
        expectListed(body, id, c);
      }
    }));
    out.add(sample("get-pending-tasks", "/pendingTasks lists pending tasks shaped as the sample").run(c -> {
      SuiteState.Saturation sat = c.state().saturation(c.tasks());
      JsonNode body = replayJson(c, DocSamples.get("get-pending-tasks"), JsonShape.strict());
      expectListed(body, sat.pending(), c);
    }));
    out.add(sample("get-waiting-tasks", "/waitingTasks lists waiting tasks shaped as the sample")
        .needs(Capability.INGESTION, Capability.LOCKS).run(c -> {
          SuiteState.WaitingPair w = c.state().waiting(c.tasks());
          JsonNode body = replayJson(c, DocSamples.get("get-waiting-tasks"), JsonShape.strict());
          expectListed(body, w.waiter(), c);
        }));
    return out;
  }

}
