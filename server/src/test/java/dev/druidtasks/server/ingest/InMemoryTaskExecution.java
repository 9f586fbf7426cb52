package dev.druidtasks.server.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.task.DataSegment;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.TaskExecution;
import dev.druidtasks.server.task.TaskLockException;
import dev.druidtasks.server.task.TaskLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A stand-in for the engine: keeps logs, reports, locks and segments in memory; files in a temp dir. */
final class InMemoryTaskExecution implements TaskExecution {
  private final String taskId;
  private final Path workDir;
  private final Path deepStorage;
  final List<String> log = Collections.synchronizedList(new ArrayList<>());
  final List<ObjectNode> reports = new ArrayList<>();
  final Map<Interval, String> locks = new LinkedHashMap<>();
  final List<DataSegment> used = new ArrayList<>();
  private final Map<String, Integer> nextPartition = new HashMap<>();
  private final AtomicInteger stopChecks = new AtomicInteger();
  private volatile int stopAfterChecks = Integer.MAX_VALUE;
  private String lockVersion = "2024-01-01T00:00:00.000Z";
  private boolean printLog;

  InMemoryTaskExecution(String taskId, Path root) throws Exception {
    this.taskId = taskId;
    this.workDir = Files.createDirectories(root.resolve("work"));
    this.deepStorage = Files.createDirectories(root.resolve("deep"));
  }

  InMemoryTaskExecution lockVersion(String version) {
    this.lockVersion = version;
    return this;
  }

  /** stopRequested() turns true from its n-th call on. */
  InMemoryTaskExecution stopAfterChecks(int n) {
    this.stopAfterChecks = n;
    return this;
  }

  InMemoryTaskExecution printLog() {
    this.printLog = true;
    return this;
  }

  ObjectNode lastReport() {
    return reports.get(reports.size() - 1);
  }

  ObjectNode lastReportPayload() {
    return (ObjectNode) lastReport().get("ingestionStatsAndErrors").get("payload");
  }

  ObjectNode buildSegmentsStats() {
    return (ObjectNode) lastReportPayload().get("rowStats").get("buildSegments");
  }

  @Override
  public String taskId() {
    return taskId;
  }

  @Override
  public TaskLog log() {
    return new TaskLog() {
      @Override
      public void info(String message) {
        add("INFO " + message);
      }

      @Override
      public void warn(String message) {
        add("WARN " + message);
      }

      @Override
      public void error(String message) {
        add("ERROR " + message);
      }

      private void add(String line) {
        log.add(line);
        if (printLog) {
          System.out.println(line);
        }
      }
    };
  }

  @Override
  public boolean stopRequested() {
    return stopChecks.incrementAndGet() >= stopAfterChecks;
  }

  @Override
  public synchronized void writeReports(ObjectNode reports) {
    this.reports.add(reports.deepCopy());
  }

  @Override
  public Path workDir() {
    return workDir;
  }

  @Override
  public Path deepStorage() {
    return deepStorage;
  }

  @Override
  public synchronized String lock(Interval chunk) throws TaskLockException {
    return locks.computeIfAbsent(chunk, c -> lockVersion);
  }

  @Override
  public synchronized List<DataSegment> usedSegments(String dataSource, Interval interval) {
    return used.stream().filter(s -> s.dataSource().equals(dataSource) && s.interval().overlaps(interval)).toList();
  }

  @Override
  public synchronized int allocatePendingSegment(String dataSource, Interval interval, String version) {
    String key = dataSource + "|" + interval + "|" + version;
    int max = used.stream()
        .filter(s -> s.dataSource().equals(dataSource) && s.interval().equals(interval) && s.version().equals(version))
        .mapToInt(DataSegment::partitionNum).max().orElse(-1);
    int next = Math.max(nextPartition.getOrDefault(key, 0), max + 1);
    nextPartition.put(key, next + 1);
    return next;
  }

  /** Ingestion never asks for unused segments; nothing here is unused. */
  @Override
  public List<DataSegment> unusedSegments(String dataSource, Interval interval, List<String> versions, int limit,
      java.time.Instant unusedSince) {
    return List.of();
  }

  @Override
  public void killSegments(List<DataSegment> segments) {
    throw new UnsupportedOperationException("ingestion kills no segment");
  }
}
