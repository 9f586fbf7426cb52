package dev.druidtasks.server.engine;

/** Wakes a polling loop early when something it cares about happened in this process. */
final class Signal {
  private boolean raised;

  synchronized void raise() {
    raised = true;
    notifyAll();
  }

  /** Waits until raised or the timeout passes, then clears. */
  synchronized void await(long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (!raised) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        break;
      }
      wait(left);
    }
    raised = false;
  }
}
