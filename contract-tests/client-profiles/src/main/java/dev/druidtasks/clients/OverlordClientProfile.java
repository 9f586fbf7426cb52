package dev.druidtasks.clients;

/** Druid 33's own {@code OverlordClientImpl}, called as the Coordinator, the Broker and extensions call it. */
final class OverlordClientProfile implements ClientProfile {
  private final TaskCalls tasks;
  private final SegmentCalls segments;

  OverlordClientProfile(ProfileContext ctx) {
    this.tasks = new TaskCalls(ctx);
    this.segments = new SegmentCalls(ctx);
  }

  @Override
  public String name() {
    return "overlord-client";
  }

  @Override
  public void run() {
    tasks.run();
    segments.run();
  }

  @Override
  public void finish() {
    segments.shutdownOfARunningTask();
  }
}
