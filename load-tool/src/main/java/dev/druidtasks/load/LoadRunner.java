package dev.druidtasks.load;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the clients. At a constant rate, client {@code i} of {@code N} owns the slots
 * {@code i, i+N, i+2N, …} of a schedule of one request every {@code 1/rate} s, and each latency is
 * measured from the slot's time, not from when the request could leave: a stalled target shows in
 * every request it held back (no coordinated omission). Closed loop, each client sends as soon as
 * its last answer came. Either way nothing is sent after the drain limit, and the run ends at a
 * hard stop whatever the target does.
 */
final class LoadRunner {
  /** What a run measured; {@code unsent} counts scheduled requests never sent because the target held the clients. */
  record Result(Map<Operation, OperationStats> stats, double measuredSeconds, String stoppedBy, long unsent) {}

  private final LoadPlan plan;
  private final HttpClient http;
  private final Fixture fixture;
  private final Operation[] cycle;
  private final Map<Operation, OperationStats> stats = new EnumMap<>(Operation.class);
  private final AtomicLong tickets = new AtomicLong();
  private final LongAdder unsent = new LongAdder();
  private final AtomicLong lastAnswer = new AtomicLong(Long.MIN_VALUE);
  private long measureStart;
  private long end;
  private long drainUntil;

  LoadRunner(LoadPlan plan, HttpClient http, Fixture fixture, Map<Operation, Integer> weights) {
    this.plan = plan;
    this.http = http;
    this.fixture = fixture;
    this.cycle = Scenario.cycle(weights);
    weights.keySet().forEach(o -> stats.put(o, new OperationStats()));
  }

  Result run() throws InterruptedException {
    long start = System.nanoTime();
    measureStart = start + plan.warmup().toNanos();
    end = measureStart + plan.duration().toNanos();
    drainUntil = end + plan.drain().toNanos();
    long hardStop = drainUntil + plan.requestTimeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
    List<Thread> clients = new java.util.ArrayList<>();
    for (int i = 0; i < plan.clients(); i++) {
      int client = i;
      Thread t = new Thread(() -> client(client, start), "load-client-" + i);
      t.setDaemon(true);
      clients.add(t);
      t.start();
    }
    boolean allStopped = true;
    for (Thread t : clients) {
      long left = hardStop - System.nanoTime();
      if (left > 0) {
        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
      allStopped &= !t.isAlive();
    }
    long finished = System.nanoTime();
    clients.forEach(Thread::interrupt);
    String stoppedBy = !allStopped ? "deadline" : tickets.get() > plan.maxRequests() ? "max-requests" : "duration";
    // the window the counts were taken in: to the last measured answer, or to the end if it came earlier
    long windowEnd = Math.max(lastAnswer.get(), Math.min(finished, end));
    return new Result(stats, Math.max(1e-3, (windowEnd - measureStart) / 1e9), stoppedBy, unsent.sum());
  }

  private void client(int client, long start) {
    double intervalNanos = plan.constantRate() ? plan.clients() * 1e9 / plan.rate() : 0;
    double offsetNanos = plan.constantRate() ? client * 1e9 / plan.rate() : 0;
    for (long n = 0; !Thread.currentThread().isInterrupted(); n++) {
      long intended = plan.constantRate() ? start + (long) (offsetNanos + n * intervalNanos) : System.nanoTime();
      if (intended >= end) {
        return;
      }
      if (plan.constantRate()) {
        if (System.nanoTime() >= drainUntil) { // the target held us past the end: say how many never left
          unsent.add((long) Math.ceil((end - intended) / intervalNanos));
          return;
        }
        waitUntil(intended);
      }
      if (tickets.incrementAndGet() > plan.maxRequests()) {
        return;
      }
      Operation op = cycle[(int) ((n + client) % cycle.length)];
      exchange(op, op.request(fixture, client, n), intended, op.followsToCompletion()
          ? fixture.submittedId(client, n) : null);
    }
  }

  /** Sends {@code request}; with {@code followed}, the measure lasts until that task is seen complete. */
  private void exchange(Operation op, HttpRequest request, long intended, String followed) {
    String error = null;
    long bytes = 0;
    long budget = Math.min(plan.requestTimeout().toNanos(), drainUntil + plan.requestTimeout().toNanos()
        - System.nanoTime());
    CompletableFuture<HttpResponse<Long>> answer = http.sendAsync(request, info -> counting());
    try {
      HttpResponse<Long> r = answer.get(Math.max(1, budget), TimeUnit.NANOSECONDS);
      bytes = r.body();
      if (r.statusCode() / 100 != 2) {
        error = Integer.toString(r.statusCode());
      } else if (followed != null) {
        error = awaitComplete(followed);
      }
    } catch (TimeoutException e) {
      answer.cancel(true);
      error = "timeout";
    } catch (ExecutionException e) {
      error = e.getCause() instanceof HttpTimeoutException ? "timeout"
          : e.getCause() instanceof ConnectException ? "connect" : "io";
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      return;
    }
    long done = System.nanoTime();
    if (intended >= measureStart) {
      stats.get(op).record(done - intended, error, bytes);
      lastAnswer.accumulateAndGet(done, Math::max);
    }
  }

  /**
   * Polls the task's status until it is complete, within the drain limit: null once SUCCESS, else what
   * went wrong ({@code FAILED}, a status code, {@code timeout}).
   */
  private String awaitComplete(String id) throws InterruptedException, ExecutionException, TimeoutException {
    HttpRequest poll = fixture.api().get("/task/" + TaskApi.query(id) + "/status");
    while (true) {
      long budget = drainUntil + plan.requestTimeout().toNanos() - System.nanoTime();
      if (budget <= 0) {
        return "timeout";
      }
      HttpResponse<String> r = http.sendAsync(poll, HttpResponse.BodyHandlers.ofString())
          .get(Math.min(budget, plan.requestTimeout().toNanos()), TimeUnit.NANOSECONDS);
      if (r.statusCode() / 100 != 2) {
        return Integer.toString(r.statusCode());
      }
      String state = TaskApi.statusCode(r.body());
      if (!"RUNNING".equals(state)) {
        return "SUCCESS".equals(state) ? null : state;
      }
      if (!plan.pollInterval().isZero()) {
        LockSupport.parkNanos(plan.pollInterval().toNanos());
      }
    }
  }

  private static void waitUntil(long when) {
    for (long left = when - System.nanoTime(); left > 0; left = when - System.nanoTime()) {
      LockSupport.parkNanos(left);
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
    }
  }

  /** Reads the whole body (the answer is not over before its last byte) and keeps only its length. */
  private static HttpResponse.BodySubscriber<Long> counting() {
    long[] count = new long[1];
    return HttpResponse.BodySubscribers.fromSubscriber(new Flow.Subscriber<List<ByteBuffer>>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        s.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(List<ByteBuffer> buffers) {
        buffers.forEach(b -> count[0] += b.remaining());
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onComplete() {}
    }, s -> count[0]);
  }
}
