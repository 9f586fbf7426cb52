package dev.druidtasks.server.engine;

import java.time.Clock;

/** A loop of the engine that the control API can hold, and whose steps metrics hear of. */
public abstract class ControlledLoop {
  /** Set by the control API: the loop leaves tasks where they are (see the subclass for what goes on). */
  protected volatile boolean paused;
  /** Worker liveness keeps real time when the task clock is moved (see {@link #livenessClock}). */
  protected volatile Clock liveness;
  protected volatile EngineEvents events = EngineEvents.NONE;

  ControlledLoop(Clock clock) {
    this.liveness = clock;
  }

  /** Runs the next step now rather than at the next tick. */
  public abstract void wake();

  /** Holds the loop (true) or lets it go on at once. */
  public void pause(boolean pause) {
    this.paused = pause;
    if (!pause) {
      wake();
    }
  }

  public boolean paused() {
    return paused;
  }

  /** The clock that heartbeats are written and judged by, when it is not the clock of task times. */
  public void livenessClock(Clock c) {
    this.liveness = c;
  }

  /** Who hears how the loop's steps go (metrics). */
  public void observe(EngineEvents observer) {
    this.events = observer;
  }
}
