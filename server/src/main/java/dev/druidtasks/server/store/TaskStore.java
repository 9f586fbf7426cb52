package dev.druidtasks.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.task.ErrorMessages;
import dev.druidtasks.server.task.DataSegment;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.TaskState;
import dev.druidtasks.server.task.Timestamps;
import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Everything the engine and the API keep in PostgreSQL. Each method is one transaction; the
 * multi-step ones (lock then promote, complete then publish) are atomic.
 */
public final class TaskStore {
  private final Jdbi jdbi;
  private final ObjectMapper json;
  private final Clock clock;

  public TaskStore(Jdbi jdbi, ObjectMapper json, Clock clock) {
    this.jdbi = jdbi;
    this.json = json;
    this.clock = clock;
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  private static Timestamp ts(Instant t) {
    return t == null ? null : Timestamp.from(t);
  }

  // ---- tasks ----

  public void insert(NewTask t) throws DuplicateTaskException {
    int rows = jdbi.inTransaction(h -> {
      int n = h.attach(TaskDao.class).insert(t.id(), t.groupId(), t.type(), t.dataSource(), ts(t.createdTime()),
          t.payloadJson(), t.lockIntervalsJson());
      if (n == 1) {
        h.attach(AuditDao.class).record(now(), "task.submit", t.id(), t.dataSource(), null);
      }
      return n;
    });
    if (rows == 0) {
      throw new DuplicateTaskException(t.id());
    }
  }

  public Optional<TaskRecord> find(String id) {
    return jdbi.withExtension(TaskDao.class, d -> d.find(id));
  }

  public Optional<String> payload(String id) {
    return jdbi.withExtension(TaskDao.class, d -> d.payload(id));
  }

  public List<TaskRecord> findAll(Collection<String> ids) {
    return jdbi.withExtension(TaskDao.class, d -> d.findAll(ids.toArray(String[]::new)));
  }

  /** Complete tasks (newest first) then active ones (oldest first), filtered in SQL. */
  public List<TaskRecord> list(TaskListQuery q) {
    List<String> active = q.states().stream().filter(TaskState::isActive).map(Enum::name).toList();
    List<String> complete = q.states().stream().filter(TaskState::isComplete).map(Enum::name).toList();
    return jdbi.withExtension(TaskDao.class, d -> {
      List<TaskRecord> out = new ArrayList<>();
      if (!complete.isEmpty() && (q.maxComplete() == null || q.maxComplete() > 0)) {
        Instant from = q.createdFrom();
        if (q.completeCreatedFrom() != null && (from == null || q.completeCreatedFrom().isAfter(from))) {
          from = q.completeCreatedFrom();
        }
        out.addAll(d.listComplete(complete.toArray(String[]::new), q.dataSource(), q.type(), ts(from),
            ts(q.createdTo()), q.maxComplete()));
      }
      if (!active.isEmpty()) {
        out.addAll(d.listActive(active.toArray(String[]::new), q.dataSource(), q.type(), ts(q.createdFrom()),
            ts(q.createdTo())));
      }
      return out;
    });
  }

  public List<WaitingTask> waiting(int limit) {
    return jdbi.withExtension(TaskDao.class, d -> d.waiting(limit));
  }

  /**
   * Takes every lock a waiting task needs and makes it pending, or does nothing when another group
   * holds an overlapping lock. Returns whether the task is now pending.
   *
   * @throws UnstorableDataException when the database refuses the task's lock intervals
   */
  public boolean promoteToPending(WaitingTask t, List<Interval> chunks) {
    try {
      return lockAndMarkPending(t, chunks);
    } catch (RuntimeException e) {
      throw UnstorableDataException.classify(e);
    }
  }

  private boolean lockAndMarkPending(WaitingTask t, List<Interval> chunks) {
    return jdbi.inTransaction(h -> {
      LockDao locks = h.attach(LockDao.class);
      if (!chunks.isEmpty()) {
        locks.serialise(t.dataSource());
        for (Interval c : chunks) {
          if (locks.conflicts(t.dataSource(), t.groupId(), ts(c.start()), ts(c.end())) > 0) {
            return false;
          }
        }
        for (Interval c : chunks) {
          locks.insert(t.id(), t.groupId(), t.dataSource(), ts(c.start()), ts(c.end()),
              newVersion(locks, t.dataSource(), c));
        }
      }
      return h.attach(TaskDao.class).markPending(t.id()) == 1;
    });
  }

  /** A lock version later than any segment version of the chunk, so new segments overshadow old ones. */
  private String newVersion(LockDao locks, String dataSource, Interval chunk) {
    Instant v = clock.instant();
    Optional<String> max = locks.maxSegmentVersion(dataSource, ts(chunk.start()), ts(chunk.end()));
    if (max.isPresent()) {
      try {
        Instant existing = Instant.parse(max.get());
        if (!v.isAfter(existing)) {
          v = existing.plusMillis(1);
        }
      } catch (RuntimeException notAnInstant) {
        // a version written by someone else: ours still sorts after it when it is a timestamp
      }
    }
    return Timestamps.format(v);
  }

  /**
   * The version of the task's lock covering {@code chunk}, taking it when free. Empty while another
   * group holds an overlapping lock.
   */
  public Optional<String> tryLock(String taskId, String groupId, String dataSource, Interval chunk) {
    return jdbi.inTransaction(h -> {
      LockDao locks = h.attach(LockDao.class);
      locks.serialise(dataSource);
      Optional<String> held = locks.heldVersion(taskId, ts(chunk.start()), ts(chunk.end()));
      if (held.isPresent()) {
        return held;
      }
      if (locks.conflicts(dataSource, groupId, ts(chunk.start()), ts(chunk.end())) > 0) {
        return Optional.empty();
      }
      String version = newVersion(locks, dataSource, chunk);
      locks.insert(taskId, groupId, dataSource, ts(chunk.start()), ts(chunk.end()), version);
      return Optional.of(version);
    });
  }

  /**
   * Moves up to {@code limit} pending tasks, oldest first, to RUNNING on this worker, only while
   * its registration ({@code epoch}) stands.
   */
  public List<ClaimedTask> claimPending(String workerId, String epoch, String host, int port, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return jdbi.inTransaction(h -> {
      if (h.attach(WorkerDao.class).holdRegistration(workerId, epoch).isEmpty()) {
        return List.of(); // declared dead: this registration may not take work
      }
      TaskDao d = h.attach(TaskDao.class);
      List<ClaimedTask> out = new ArrayList<>();
      for (String id : d.lockPending(limit)) {
        d.markRunning(id, workerId, host, port, now()).ifPresent(out::add);
      }
      return out;
    });
  }

  /**
   * Ends a running task: its status, its locks released, and (on success) its segments published
   * with older versions of the same chunks overshadowed, all in one transaction. False when the
   * task was not running (already ended elsewhere).
   */
  public boolean complete(String taskId, boolean succeeded, String errorMsg, List<DataSegment> segments) {
    try {
      return record(taskId, succeeded, errorMsg, segments);
    } catch (RuntimeException e) {
      RuntimeException c = UnstorableDataException.classify(e);
      if (!(c instanceof UnstorableDataException)) {
        throw c;
      }
      // the result itself cannot be stored (a segment or message out of range): the task still ends
      return record(taskId, false, ErrorMessages.truncate("Task result could not be stored: " + c.getMessage()),
          List.of());
    }
  }

  private boolean record(String taskId, boolean succeeded, String errorMsg, List<DataSegment> segments) {
    return jdbi.inTransaction(h -> {
      TaskDao d = h.attach(TaskDao.class);
      Instant end = clock.instant();
      int n = d.completeRunning(taskId, succeeded ? "SUCCESS" : "FAILED", errorMsg, Timestamp.from(end));
      if (n == 0) {
        return false;
      }
      h.attach(LockDao.class).release(taskId);
      if (succeeded) {
        SegmentDao s = h.attach(SegmentDao.class);
        for (DataSegment seg : segments) {
          s.insert(seg.id(), seg.dataSource(), ts(seg.interval().start()), ts(seg.interval().end()), seg.version(),
              seg.partitionNum(), taskId, Timestamp.from(end), seg.numRows(), seg.size(), segmentJson(seg));
        }
        // Appended segments carry the chunk's existing version, so only older versions are overshadowed.
        for (DataSegment seg : segments) {
          s.overshadow(seg.dataSource(), ts(seg.interval().start()), ts(seg.interval().end()), seg.version());
        }
      }
      h.attach(AuditDao.class).record(Timestamp.from(end), succeeded ? "task.success" : "task.failed", taskId, null,
          errorMsg);
      return true;
    });
  }

  /** Fails a task that never started (waiting or pending); false when it had already started or ended. */
  public boolean failNotStarted(String taskId, String errorMsg) {
    return jdbi.inTransaction(h -> {
      int n = h.attach(TaskDao.class).failNotStarted(taskId, errorMsg, now());
      if (n == 1) {
        h.attach(LockDao.class).release(taskId);
        h.attach(AuditDao.class).record(now(), "task.shutdown", taskId, null, errorMsg);
      }
      return n == 1;
    });
  }

  public boolean requestShutdown(String taskId) {
    return jdbi.inTransaction(h -> {
      int n = h.attach(TaskDao.class).requestShutdown(taskId);
      if (n == 1) {
        h.attach(AuditDao.class).record(now(), "task.shutdown.requested", taskId, null, null);
      }
      return n == 1;
    });
  }

  public List<String> activeIdsOf(String dataSource) {
    return jdbi.withExtension(TaskDao.class, d -> d.activeIdsOf(dataSource));
  }

  public List<String> shutdownRequestedOn(String workerId) {
    return jdbi.withExtension(TaskDao.class, d -> d.shutdownRequestedOn(workerId));
  }

  public List<String> runningOn(String workerId) {
    return jdbi.withExtension(TaskDao.class, d -> d.runningOn(workerId));
  }

  // ---- workers ----

  /** Registers (or registers again) a worker under a new {@code epoch}, which its claims and heartbeats carry. */
  public void registerWorker(String id, String epoch, String host, int port, int capacity) {
    jdbi.useExtension(WorkerDao.class, d -> d.register(id, host, port, capacity, now(), epoch));
  }

  /** False when this registration is gone: the worker was declared dead (or replaced). */
  public boolean heartbeat(String workerId, String epoch) {
    return jdbi.withExtension(WorkerDao.class, d -> d.heartbeat(workerId, epoch, now())) == 1;
  }

  /** Running tasks whose worker is not registered (it was declared dead, or stopped without ending them). */
  public List<String> runningOnUnregisteredWorkers() {
    return jdbi.withExtension(TaskDao.class, TaskDao::runningOnUnregisteredWorkers);
  }

  public void removeWorker(String workerId) {
    jdbi.useExtension(WorkerDao.class, d -> d.remove(workerId));
  }

  public List<String> workersSilentSince(Instant cutoff) {
    return jdbi.withExtension(WorkerDao.class, d -> d.silentSince(ts(cutoff)));
  }

  // ---- logs ----

  /** Appends a chunk and returns the log's new size. */
  public long appendLog(String taskId, int seq, long offset, byte[] data) {
    jdbi.useExtension(LogDao.class, d -> d.append(taskId, seq, offset, data));
    return offset + data.length;
  }

  public long logSize(String taskId) {
    return jdbi.withExtension(LogDao.class, d -> d.size(taskId)).orElse(0L);
  }

  /**
   * The log from {@code offset}: positive skips that many bytes, negative reads the last |offset|
   * bytes; past the end is empty.
   */
  public LogSlice readLog(String taskId, long offset) {
    return jdbi.withExtension(LogDao.class, d -> {
      Optional<Long> size = d.size(taskId);
      if (size.isEmpty()) {
        return new LogSlice(false, new byte[0]);
      }
      long from = offset >= 0 ? offset : Math.max(0, size.get() + offset);
      if (from >= size.get()) {
        return new LogSlice(true, new byte[0]);
      }
      long first = d.firstChunkOffset(taskId, from).orElse(from);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (byte[] chunk : d.chunksFrom(taskId, from)) {
        out.writeBytes(chunk);
      }
      byte[] all = out.toByteArray();
      int skip = (int) (from - first);
      byte[] result = new byte[all.length - skip];
      System.arraycopy(all, skip, result, 0, result.length);
      return new LogSlice(true, result);
    });
  }

  // ---- reports ----

  public void writeReports(String taskId, String reportJson) {
    jdbi.useExtension(ReportDao.class, d -> d.upsert(taskId, reportJson, now()));
  }

  public Optional<String> reports(String taskId) {
    return jdbi.withExtension(ReportDao.class, d -> d.find(taskId));
  }

  // ---- segments ----

  public List<String> segmentsOfTask(String taskId) {
    return jdbi.withExtension(SegmentDao.class, d -> d.ofTask(taskId));
  }

  public List<DataSegment> usedSegments(String dataSource, Interval interval) {
    return jdbi.withExtension(SegmentDao.class, d -> d.used(dataSource, ts(interval.start()), ts(interval.end())))
        .stream().map(this::readSegment).toList();
  }

  public int allocatePendingSegment(String taskId, String dataSource, Interval interval, String version) {
    return jdbi.inTransaction(h -> {
      h.attach(LockDao.class).serialise(dataSource);
      SegmentDao d = h.attach(SegmentDao.class);
      int partition = d.maxPartition(dataSource, ts(interval.start()), ts(interval.end()), version)
          .map(p -> p + 1).orElse(0);
      String id = dataSource + "_" + Timestamps.format(interval.start()) + "_" + Timestamps.format(interval.end())
          + "_" + version + (partition == 0 ? "" : "_" + partition);
      d.insertPending(id, dataSource, ts(interval.start()), ts(interval.end()), version, partition, taskId, now());
      return partition;
    });
  }

  /**
   * Deletes the data source's pending segments created within the interval, unless an active task
   * of the data source was created before the interval's end (it may still use them): then the
   * blocking task is returned and nothing is deleted.
   */
  public PendingSegmentsDeletion deletePendingSegments(String dataSource, Interval interval) {
    return jdbi.inTransaction(h -> {
      h.attach(LockDao.class).serialise(dataSource);
      Optional<TaskRecord> blocking =
          h.attach(TaskDao.class).activeCreatedBefore(dataSource, ts(interval.end()));
      if (blocking.isPresent()) {
        return new PendingSegmentsDeletion(0, blocking.get().id());
      }
      int n = h.attach(SegmentDao.class).deletePending(dataSource, ts(interval.start()), ts(interval.end()));
      if (n > 0) {
        h.attach(AuditDao.class).record(now(), "pendingSegments.delete", null, dataSource, interval.toString());
      }
      return new PendingSegmentsDeletion(n, null);
    });
  }

  public String segmentJson(DataSegment s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dataSource", s.dataSource());
    m.put("interval", s.interval().toString());
    m.put("version", s.version());
    m.put("loadSpec", s.loadSpec());
    m.put("dimensions", String.join(",", s.dimensions()));
    m.put("metrics", String.join(",", s.metrics()));
    m.put("shardSpec", s.shardSpec());
    m.put("binaryVersion", 9);
    m.put("size", s.size());
    m.put("identifier", s.id());
    m.put("partitionNum", s.partitionNum());
    m.put("numRows", s.numRows());
    try {
      return json.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private DataSegment readSegment(String text) {
    try {
      ObjectNode n = (ObjectNode) json.readTree(text);
      String dims = n.path("dimensions").asText("");
      String mets = n.path("metrics").asText("");
      return new DataSegment(n.get("dataSource").asText(), Interval.parse(n.get("interval").asText(), '/'),
          n.get("version").asText(), n.path("partitionNum").asInt(0), (ObjectNode) n.get("loadSpec"),
          (ObjectNode) n.get("shardSpec"), dims.isEmpty() ? List.of() : List.of(dims.split(",")),
          mets.isEmpty() ? List.of() : List.of(mets.split(",")), n.path("size").asLong(),
          n.path("numRows").asLong());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored segment is not JSON", e);
    }
  }
}
