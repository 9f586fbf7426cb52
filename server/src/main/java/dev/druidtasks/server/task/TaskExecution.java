package dev.druidtasks.server.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/** What the engine gives a running task: its log, its reports, its locks and the segment store. */
public interface TaskExecution {
  String taskId();

  TaskLog log();

  /** True once a shutdown was requested; long-running work checks it between steps. */
  boolean stopRequested();

  /** Stores (or replaces) the task's report map; readable while the task runs. */
  void writeReports(ObjectNode reports);

  /** A scratch directory of this task's own, removed when it ends. */
  Path workDir();

  /** Root of deep storage, where segment files go. */
  Path deepStorage();

  /**
   * The version of this task's exclusive lock on {@code chunk}, acquiring the lock first if the task
   * does not hold it yet (waiting while another task holds an overlapping one).
   *
   * @throws TaskLockException when the lock cannot be had (e.g. the task was stopped while waiting)
   */
  String lock(Interval chunk) throws TaskLockException;

  /** Used (published, not overshadowed) segments of a data source that overlap an interval. */
  List<DataSegment> usedSegments(String dataSource, Interval interval);

  /**
   * Records a pending segment for an appending task and returns its partition number, the next
   * free one for {@code (dataSource, interval, version)} among used and pending segments.
   */
  int allocatePendingSegment(String dataSource, Interval interval, String version);

  /**
   * Unused segments of a data source within an interval, oldest first: of the given versions (any when null),
   * unused since {@code unusedSince} at the latest (any time when null), at most {@code limit}.
   */
  List<DataSegment> unusedSegments(String dataSource, Interval interval, List<String> versions, int limit,
      java.time.Instant unusedSince);

  /** Deletes unused segments for good: their metadata, then their files in deep storage. */
  void killSegments(List<DataSegment> segments);
}
