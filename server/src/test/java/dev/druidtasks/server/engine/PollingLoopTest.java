package dev.druidtasks.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollingLoopTest {
  @Test
  void aLoopWhoseStepsKeepFailingIsUnhealthyUntilOneSucceeds() throws Exception {
    AtomicBoolean failing = new AtomicBoolean(true);
    AtomicInteger steps = new AtomicInteger();
    PollingLoop loop = new PollingLoop("test-loop", Duration.ofMillis(10), () -> {
      steps.incrementAndGet();
      if (failing.get()) {
        throw new IllegalStateException("the database refuses");
      }
    });
    loop.start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (steps.get() < PollingLoop.UNHEALTHY_AFTER && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      Thread.sleep(50);
      assertThat(loop.healthy()).isFalse();
      failing.set(false);
      int seen = steps.get();
      while (steps.get() <= seen + 1 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(loop.healthy()).isTrue();
    } finally {
      loop.stop();
    }
  }
}
