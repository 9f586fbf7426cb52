package dev.druidtasks.server.engine;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread that runs one step every tick, or sooner when woken; a failing step is logged and
 * retried a second later, so a database outage pauses the loop instead of ending it.
 */
final class PollingLoop {
  private static final Logger LOG = LoggerFactory.getLogger(PollingLoop.class);
  private static final long RETRY_MS = 1_000;
  /** This many failed steps in a row make the loop unhealthy. */
  static final int UNHEALTHY_AFTER = 3;

  private final String name;
  private final Duration tick;
  private final Runnable step;
  /** A permit is a wake-up; those that come while a step runs are taken as one. */
  private final Semaphore wakeUps = new Semaphore(0);
  private volatile boolean stopping;
  private volatile int failuresInARow;
  private Thread thread;

  PollingLoop(String name, Duration tick, Runnable step) {
    this.name = name;
    this.tick = tick;
    this.step = step;
  }

  synchronized void start() {
    thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  void wake() {
    wakeUps.release();
  }

  boolean stopping() {
    return stopping;
  }

  /** False while its steps keep failing (a database that refuses it, a bug). */
  boolean healthy() {
    return failuresInARow < UNHEALTHY_AFTER;
  }

  /** Stops after the current step; false if the loop was never started. */
  synchronized boolean stop() {
    if (thread == null) {
      return false;
    }
    stopping = true;
    wakeUps.release();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return true;
  }

  /** Until woken or {@code millis} pass; a wake before the next step is not lost, it ends the wait at once. */
  private void awaitWake(long millis) throws InterruptedException {
    if (wakeUps.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
      wakeUps.drainPermits();
    }
  }

  private void run() {
    try {
      while (!stopping) {
        long wait = tick.toMillis();
        try {
          step.run();
          failuresInARow = 0;
        } catch (RuntimeException e) {
          failuresInARow++;
          LOG.warn("{} step failed ({} in a row); retrying", name, failuresInARow, e);
          wait = RETRY_MS;
        }
        awaitWake(wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
