package dev.druidtasks.server.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.store.TaskStore;
import dev.druidtasks.server.task.DataSegment;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.TaskExecution;
import dev.druidtasks.server.task.TaskLockException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** One task on this worker: the {@link TaskExecution} it sees, backed by the store. */
record RunningTask(String taskId, String groupId, String dataSource, TaskStore store, Clock clock, TaskLogWriter log,
    Path workDir, Path deepStorage, AtomicBoolean stop) implements TaskExecution {
  private static final long LOCK_RETRY_MS = 100;

  void requestStop() {
    stop.set(true);
  }

  @Override
  public boolean stopRequested() {
    return stop.get();
  }

  @Override
  public void writeReports(ObjectNode reports) {
    store.reports().upsert(taskId, reports, clock.instant());
  }

  @Override
  public String lock(Interval chunk) throws TaskLockException {
    boolean told = false;
    while (true) {
      Optional<String> version = store.locks().tryLock(taskId, groupId, dataSource, chunk, clock.instant());
      if (version.isPresent()) {
        return version.get();
      }
      if (!told) {
        log.info("Waiting for the lock on [" + dataSource + "] interval [" + chunk + "] held by another task");
        told = true;
      }
      if (stopRequested()) {
        throw new TaskLockException("Stopped while waiting for the lock on interval [" + chunk + "]");
      }
      try {
        Thread.sleep(LOCK_RETRY_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TaskLockException("Interrupted while waiting for the lock on interval [" + chunk + "]");
      }
    }
  }

  @Override
  public List<DataSegment> usedSegments(String dataSource, Interval interval) {
    return store.segments().used(dataSource, interval);
  }

  @Override
  public int allocatePendingSegment(String dataSource, Interval interval, String version) {
    return store.segments().allocatePending(taskId, dataSource, interval, version, clock.instant());
  }

  @Override
  public List<DataSegment> unusedSegments(String dataSource, Interval interval, List<String> versions, int limit,
      java.time.Instant unusedSince) {
    return store.segmentStates().unused(dataSource, interval, versions == null ? null : versions.toArray(String[]::new),
        unusedSince, limit);
  }

  /** Metadata first: a segment whose files are gone must not stay listed; files outside deep storage stay. */
  @Override
  public void killSegments(List<DataSegment> segments) {
    store.segmentStates().delete(segments.stream().map(DataSegment::id).toList());
    Path root = deepStorage.toAbsolutePath().normalize();
    for (DataSegment s : segments) {
      if (s.loadSpec() != null && s.loadSpec().hasNonNull("path")) {
        Path dir = Path.of(s.loadSpec().get("path").asText()).toAbsolutePath().normalize();
        if (dir.startsWith(root) && !dir.equals(root)) {
          TaskWorker.deleteQuietly(dir);
        }
      }
    }
  }
}
