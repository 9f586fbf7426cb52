package dev.druidtasks.reference.replay;

import dev.druidtasks.conformance.http.ApiRequest;
import dev.druidtasks.conformance.http.Exchange;
import dev.druidtasks.conformance.http.TasksClient;
import dev.druidtasks.conformance.state.SuiteState;
import dev.druidtasks.conformance.state.TaskDriver;
import dev.druidtasks.conformance.state.TaskView;
import java.net.URI;
import java.time.Duration;

/**
 * One side of a replay: its client, the tasks made on it through the API (by the conformance
 * suite's own state builders) and their names.
 */
final class ReplayTarget {
  /** Fresh ids the script may submit under, {@code new.1} … */
  static final int FRESH_IDS = 8;

  private final TasksClient client;
  private final SuiteState state;
  private final TaskDriver driver;
  private final Symbols symbols = new Symbols();
  private int busySlots;

  ReplayTarget(URI base, Duration timeout) {
    this.client = new TasksClient(base, null, null, Duration.ofSeconds(60));
    this.state = new SuiteState(timeout);
    this.driver = new TaskDriver(client::send, state, timeout);
  }

  URI base() {
    return client.base();
  }

  Symbols symbols() {
    return symbols;
  }

  /** Complete noops, a finished ingestion, every slot busy with one noop pending, an ingestion waiting for a lock. */
  void prepare() {
    SuiteState.CompletedSet done = state.completed(driver);
    symbols.put("ds", done.dataSource()).put("ds.other", done.otherDataSource())
        .put("complete.0", done.ids().get(0)).put("complete.1", done.ids().get(1))
        .put("complete.other", done.otherId());
    String ingested = state.ingested(driver);
    symbols.put("ingested", ingested).put("ingested.ds", driver.status(ingested).dataSource());
    SuiteState.WaitingPair waiting = state.waiting(driver);
    symbols.put("locked.ds", waiting.dataSource()).put("holder", waiting.holder()).put("waiter", waiting.waiter());
    SuiteState.Saturation busy = state.saturation(driver);
    busySlots = busy.running().size();
    symbols.put("busy.ds", busy.dataSource()).put("pending", busy.pending());
    for (int i = 0; i < busy.running().size(); i++) {
      symbols.put("busy." + i, busy.running().get(i));
    }
    symbols.put("missing", state.ids().task("missing")).put("submit.ds", state.ids().dataSource("submit"));
    for (int i = 1; i <= FRESH_IDS; i++) {
      symbols.put("new." + i, state.ids().task("new"));
    }
  }

  /** How many tasks held a worker slot here once prepared (the saturation's running noops). */
  int busySlots() {
    return busySlots;
  }

  /** Sends the request; a task it submits is remembered for {@link #cleanUp}. */
  Exchange send(ApiRequest request) {
    Exchange ex = client.send(request);
    if (ex.status() == 200 && request.method().equals("POST") && request.path().equals(TaskDriver.BASE + "/task")) {
      submittedId(ex).ifPresent(state::created);
    }
    return ex;
  }

  void capture(String symbol, Exchange ex) {
    submittedId(ex).ifPresent(id -> symbols.put(symbol, id));
  }

  private static java.util.Optional<String> submittedId(Exchange ex) {
    return ex.response().json().map(j -> j.path("task").asText(null));
  }

  TaskView awaitQueued(String symbol) {
    return driver.await(symbols.get(symbol), v -> !v.active() || !"WAITING".equals(v.runnerStatusCode()),
        "queued for a slot", null);
  }

  TaskView awaitComplete(String symbol) {
    return driver.awaitComplete(symbols.get(symbol));
  }

  /** Shuts down every task the replay made that is still active. */
  void cleanUp() {
    state.cleanUp(driver);
  }
}
