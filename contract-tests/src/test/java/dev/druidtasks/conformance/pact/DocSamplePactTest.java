package dev.druidtasks.conformance.pact;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.conformance.http.ApiRequest;
import dev.druidtasks.conformance.http.Exchange;
import dev.druidtasks.conformance.http.TasksClient;
import dev.druidtasks.fixtures.DocRequest;
import dev.druidtasks.fixtures.DocSample;
import dev.druidtasks.fixtures.DocSamples;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer contracts from the doc's samples: one interaction per documented request, with the
 * provider state {@link ProviderStates} knows how to make. Answers are matched by type, as the
 * suite compares shapes; ids in paths come from the provider state. The pact file goes to
 * {@code target/pacts/}.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = DocSamplePactTest.PROVIDER, pactVersion = PactSpecVersion.V3)
class DocSamplePactTest {
  static final String PROVIDER = "druid-tasks-api";
  static final String CONSUMER = "druid-tasks-conformance";

  @Pact(consumer = CONSUMER)
  RequestResponsePact docSamples(PactDslWithProvider builder) {
    PactDslResponse last = null;
    for (DocSample s : DocSamples.all()) {
      String state = ProviderStates.stateOf(s);
      PactDslRequestWithoutPath start = (last == null ? builder.given(state) : last.given(state))
          .uponReceiving(s.section() + ": the doc's sample request");
      DocRequest r = s.request();
      // Paths as sent on the wire: percent-encoded (the shutdown sample's id holds a space).
      String examplePath = r.encodedEndpointPath() + (s.errata().isEmpty() && r.path().endsWith("/") ? "/" : "");
      PactDslRequestWithPath req = r.pathTemplate().contains("{taskId}")
          ? start.pathFromProviderState(r.pathTemplate().replace("{taskId}", "${taskId}"), examplePath)
          : start.path(examplePath);
      req = req.method(r.method());
      if (!r.query().isEmpty()) {
        req = req.query(r.query().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("&")));
      }
      for (Map.Entry<String, String> h : r.headers().entrySet()) {
        req = req.headers(h.getKey(), h.getValue());
      }
      if (r.hasBody()) {
        req = req.body(r.body().toString());
      }
      PactDslResponse resp = req.willRespondWith().status(s.successStatus());
      if (s.responseText().isPresent()) {
        // a log's text is the target's own; the contract is its media type (content sniffing would
        // take a log line that quotes JSON for JSON)
        resp = resp.matchHeader("Content-Type", "text/plain.*", "text/plain; charset=utf-8");
      } else if (s.responseBody().isEmpty()) {
        resp = resp.bodyMatchingContentType("application/json", "[]");
      } else {
        resp = resp.matchHeader("Content-Type", "application/json.*", "application/json")
            .body(bodyOf(s));
      }
      last = resp;
    }
    return last.toPact();
  }

  /** The sample as type matchers; the payload's input source is the suite's own, so only its type is kept. */
  static DslPart bodyOf(DocSample s) {
    JsonNode sample = s.responseBody().orElseThrow().deepCopy();
    if (s.folder().equals("get-task-payload")) {
      ObjectNode io = (ObjectNode) sample.path("payload").path("spec").path("ioConfig");
      io.putObject("inputSource").put("type", "local");
    }
    if (sample.isArray()) {
      // The doc's filtered /tasks sample may match nothing on a fresh target.
      int min = s.folder().equals("get-tasks") ? 0 : 1;
      PactDslJsonBody element = PactDslJsonArray.arrayMinLike(min, 1);
      fill(element, sample.get(0));
      return element.closeObject();
    }
    PactDslJsonBody body = new PactDslJsonBody();
    fill(body, sample);
    return body;
  }

  /** Fields that the doc shows with a value but that are null for some tasks (errorMsg, location.host). */
  private static final java.util.Set<String> NULLABLE = java.util.Set.of("errorMsg", "host");

  private static void fill(PactDslJsonBody b, JsonNode object) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      JsonNode v = e.getValue();
      if (NULLABLE.contains(k)) {
        // nullable in the contract (BEHAVIOR.md): a string in one sample, null for another task
        continue;
      } else if (v.isTextual()) {
        b.stringType(k, v.asText());
      } else if (v.isIntegralNumber()) {
        b.integerType(k, v.asLong());
      } else if (v.isNumber()) {
        b.decimalType(k, v.decimalValue());
      } else if (v.isBoolean()) {
        b.booleanType(k, v.asBoolean());
      } else if (v.isNull()) {
        // a null in the doc marks a nullable field whose type it does not show: no matcher
        continue;
      } else if (v.isObject()) {
        PactDslJsonBody child = b.object(k);
        fill(child, v);
        child.closeObject();
      } else if (v.isArray()) {
        if (v.size() > 0 && v.get(0).isObject()) {
          PactDslJsonBody element = b.minArrayLike(k, 0, 1);
          fill(element, v.get(0));
          element.closeArray();
        } else {
          PactDslJsonArray array = b.array(k);
          for (JsonNode item : v) {
            array.stringType(item.asText());
          }
          array.closeArray();
        }
      }
    }
  }

  @Test
  void everyDocumentedRequestIsAContractInteraction(MockServer mockServer) {
    TasksClient client = new TasksClient(URI.create(mockServer.getUrl()), null, null, Duration.ofSeconds(10));
    for (DocSample s : DocSamples.all()) {
      assertThat(ProviderStates.knows(ProviderStates.stateOf(s))).as(ProviderStates.stateOf(s)).isTrue();
      DocRequest r = s.request();
      String path = s.errata().isPresent() ? r.encodedEndpointPath() : r.encodedEndpointPath()
          + (r.path().endsWith("/") ? "/" : "");
      ApiRequest request = new ApiRequest(r.method(), path, r.query(), r.headers(),
          r.hasBody() ? r.body().toString().getBytes(StandardCharsets.UTF_8) : null);
      Exchange ex = client.send(request);
      assertThat(ex.status()).as(s.folder() + ": " + ex.response().text()).isEqualTo(s.successStatus());
    }
  }
}
