package dev.druidtasks.server.conformance;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.druidtasks.conformance.pact.ProviderStates;
import dev.druidtasks.server.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies the Pact contracts the conformance suite generates from the doc's samples (one
 * interaction a documented request) against this server, each provider state made through the API.
 */
@Provider("druid-tasks-api")
@PactFolder("contract-tests/target/pacts")
class PactProviderTest {
  private static TestServer server;
  private static URI target;

  @BeforeAll
  static void start() {
    try {
      server = TestServer.start(Files.createTempDirectory("pact-provider"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    target = server.base();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void target(PactVerificationContext context) {
    context.setTarget(new HttpTestTarget("localhost", target.getPort()));
  }

  @AfterEach
  void tearDown() {
    ProviderStates.tearDown(target);
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void interaction(PactVerificationContext context) {
    context.verifyInteraction();
  }

  private static Map<String, Object> state(String name) {
    return ProviderStates.setUp(name, target);
  }

  @State("no particular state")
  Map<String, Object> nothing() {
    return state("no particular state");
  }

  @State("complete tasks exist")
  Map<String, Object> completeTasks() {
    return state("complete tasks exist");
  }

  @State("a task is running")
  Map<String, Object> running() {
    return state("a task is running");
  }

  @State("a task is pending")
  Map<String, Object> pending() {
    return state("a task is pending");
  }

  @State("a task is waiting")
  Map<String, Object> waiting() {
    return state("a task is waiting");
  }

  @State("task query-223549f8-b993-4483-b028-1b0d54713cad is running")
  Map<String, Object> statusSample() {
    return state("task query-223549f8-b993-4483-b028-1b0d54713cad is running");
  }

  @State("task query-52as 8aafe-7265-4427-89fe-dc51275cc470 is running")
  Map<String, Object> shutdownSample() {
    return state("task query-52as 8aafe-7265-4427-89fe-dc51275cc470 is running");
  }

  @State("task index_kafka_social_media_0e905aa31037879_nommnaeg is complete")
  Map<String, Object> logSample() {
    return state("task index_kafka_social_media_0e905aa31037879_nommnaeg is complete");
  }

  @State("task index_parallel_wikipedia_short_iajoonnd_2023-07-07T17:53:12.174Z is a complete ingestion task")
  Map<String, Object> payloadSample() {
    return state("task index_parallel_wikipedia_short_iajoonnd_2023-07-07T17:53:12.174Z is a complete ingestion task");
  }

  @State("task query-52a8aafe-7265-4427-89fe-dc51275cc470 is a complete ingestion task")
  Map<String, Object> reportSample() {
    return state("task query-52a8aafe-7265-4427-89fe-dc51275cc470 is a complete ingestion task");
  }

  @State("tasks index_parallel_wikipedia_auto_jndhkpbo_2023-06-26T17:23:05.308Z and"
      + " index_parallel_wikipedia_auto_jbgiianh_2023-06-26T23:17:56.769Z are complete")
  Map<String, Object> bulkSample() {
    return state("tasks index_parallel_wikipedia_auto_jndhkpbo_2023-06-26T17:23:05.308Z and"
        + " index_parallel_wikipedia_auto_jbgiianh_2023-06-26T23:17:56.769Z are complete");
  }

  @State("datasource wikipedia_auto has a running task")
  Map<String, Object> shutdownAllSample() {
    return state("datasource wikipedia_auto has a running task");
  }

  @State("datasource wikipedia_api has no active task")
  Map<String, Object> pendingSegmentsSample() {
    return state("datasource wikipedia_api has no active task");
  }

  @State("the target can read the sample's quickstart input")
  Map<String, Object> quickstart() {
    return state("the target can read the sample's quickstart input");
  }
}
