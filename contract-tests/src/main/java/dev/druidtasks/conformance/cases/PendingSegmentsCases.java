package dev.druidtasks.conformance.cases;

import static dev.druidtasks.conformance.cases.ConformanceCase.define;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.conformance.Capability;
import dev.druidtasks.conformance.Endpoint;
import dev.druidtasks.conformance.check.Expect;
import dev.druidtasks.conformance.http.ApiRequest;
import dev.druidtasks.conformance.http.Exchange;
import dev.druidtasks.conformance.state.SuiteState;
import dev.druidtasks.conformance.state.TaskDriver;
import dev.druidtasks.conformance.state.TaskView;
import dev.druidtasks.fixtures.RowGenerator;
import dev.druidtasks.fixtures.TaskSpecs;
import java.time.Instant;
import java.util.List;

/** {@code DELETE /pendingSegments/{ds}} and the ingestion-only cases. */
final class PendingSegmentsCases {
  private PendingSegmentsCases() {}

  private static ApiRequest delete(String ds) {
    return ApiRequest.delete(TaskDriver.BASE + "/pendingSegments/" + ds);
  }

  private static long numDeleted(Exchange ex) {
    Expect.status(ex, 200);
    JsonNode n = Expect.jsonObject(ex).path("numDeleted");
    Expect.that(n.isIntegralNumber() && n.asLong() >= 0, "numDeleted is not a non-negative integer: " + n, ex);
    return n.asLong();
  }

  static List<ConformanceCase> cases() {
    return List.of(
        define("pending-segments.none", Endpoint.DELETE_PENDING_SEGMENTS,
            "a datasource without pending segments: 200 {\"numDeleted\": 0}")
            .source("doc: Clean up pending segments").run(c -> {
              Exchange ex = c.send(delete(c.ids().dataSource("nothing")));
              Expect.equal(0L, numDeleted(ex), "numDeleted", ex);
            }),
        define("pending-segments.interval", Endpoint.DELETE_PENDING_SEGMENTS, "with an interval: 200 {numDeleted}")
            .source("BEHAVIOR.md Pending segments: interval").run(c -> {
              Exchange ex = c.send(delete(c.ids().dataSource("nothing")).withQuery("interval",
                  "2000-01-01T00:00:00.000Z/2001-01-01T00:00:00.000Z"));
              Expect.equal(0L, numDeleted(ex), "numDeleted", ex);
            }),
        define("pending-segments.active-task-blocks", Endpoint.DELETE_PENDING_SEGMENTS,
            "an active task of the datasource created before the interval's end: 400")
            .source("BEHAVIOR.md Pending segments (druid)").run(c -> {
              String ds = c.ids().dataSource("blocked");
              TaskDriver t = c.tasks();
              String id = t.submitNoop(c.ids().task("blocker"), ds, c.state().longRunMs());
              try {
                Exchange ex = c.send(delete(ds).withQuery("interval", "2000-01-01T00:00:00.000Z/2100-01-01T00:00:00.000Z"));
                Expect.status(ex, 400);
              } finally {
                t.shutdown(id);
              }
            }),
        define("pending-segments.interval.invalid", Endpoint.DELETE_PENDING_SEGMENTS,
            "a malformed interval is refused with 400 and a JSON error")
            .source("BEHAVIOR.md Pending segments: malformed interval (Druid 500)").docOnly().run(c -> {
              Exchange ex = c.send(delete(c.ids().dataSource("nothing")).withQuery("interval", "not-an-interval"));
              Expect.status(ex, 400);
              Expect.errorBody(ex);
            }),
        define("pending-segments.interval.invalid.druid", Endpoint.DELETE_PENDING_SEGMENTS,
            "Druid 33 answers a malformed interval with a bare 500")
            .source("reference Druid 33.0.0").druidOnly().run(c -> {
              Exchange ex = c.sendOutsideSpec(delete(c.ids().dataSource("nothing")).withQuery("interval",
                  "not-an-interval"));
              Expect.status(ex, 500);
            }),
        define("pending-segments.all-time", Endpoint.DELETE_PENDING_SEGMENTS,
            "without an interval, the pending segments an appending ingestion left all go: 1 or more, then 0")
            .source("doc: Clean up pending segments, sample numDeleted 2 without an interval (Druid 33 deletes "
                + "nothing)").docOnly().needs(Capability.INGESTION, Capability.SEGMENTS).run(c -> {
              String ds = c.ids().dataSource("appended");
              ObjectNode spec = TaskSpecs.indexParallelInline(c.ids().task("append"), ds, SuiteState.INGEST_INTERVAL,
                  RowGenerator.forDay(7, Instant.parse("2015-09-12T00:00:00Z")).jsonLines(5));
              ((ObjectNode) spec.path("spec").path("ioConfig")).put("appendToExisting", true);
              TaskView done = c.tasks().awaitComplete(c.tasks().submit(spec));
              Expect.equal("SUCCESS", done.statusCode(), "the appending ingestion's status", c.lastExchange());
              Exchange first = c.send(delete(ds));
              Expect.that(numDeleted(first) >= 1, "an appending ingestion's pending segments were not deleted", first);
              Exchange again = c.send(delete(ds));
              Expect.equal(0L, numDeleted(again), "numDeleted by a second call", again);
            }),
        define("reports.ingestion", Endpoint.GET_TASK_REPORTS,
            "a finished ingestion's report: ingestionStatsAndErrors, COMPLETED, rows counted")
            .source("doc: Get task completion report; BEHAVIOR.md One task: reports")
            .needs(Capability.INGESTION, Capability.REPORTS).run(c -> {
              String id = c.state().ingested(c.tasks());
              Exchange ex = c.send(ApiRequest.get(TaskDriver.taskPath(id, "/reports")));
              Expect.status(ex, 200);
              JsonNode r = Expect.jsonObject(ex).path("ingestionStatsAndErrors");
              Expect.equal("ingestionStatsAndErrors", r.path("type").asText(null), "type", ex);
              Expect.equal(id, r.path("taskId").asText(null), "taskId", ex);
              Expect.equal("COMPLETED", r.path("payload").path("ingestionState").asText(null), "ingestionState", ex);
              Expect.equal(20L, r.path("payload").path("rowStats").path("buildSegments").path("processed").asLong(-1),
                  "rowStats.buildSegments.processed (20 rows ingested)", ex);
            }),
        define("segments.ingestion", Endpoint.GET_TASK_SEGMENTS,
            "a finished ingestion lists the segments it published")
            .source("doc: Get task segments (Druid 33: 404)").docOnly()
            .needs(Capability.INGESTION, Capability.SEGMENTS).run(c -> {
              String id = c.state().ingested(c.tasks());
              String ds = c.tasks().status(id).dataSource();
              Exchange ex = c.send(ApiRequest.get(TaskDriver.taskPath(id, "/segments")));
              Expect.status(ex, 200);
              JsonNode segments = Expect.jsonArray(ex);
              Expect.that(segments.size() > 0, "no segment for a successful ingestion", ex);
              for (JsonNode s : segments) {
                Expect.equal(ds, s.path("dataSource").asText(null), "segment dataSource", ex);
                Expect.that(s.path("interval").asText("").startsWith("2015-09-12"),
                    "segment interval outside the ingested day: " + s.path("interval"), ex);
              }
            }));
  }
}
