package dev.druidtasks.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The processes one reference Druid started, recorded in {@code <workDir>/pids} (pid and start
 * instant, so that a recycled pid is never taken for ours), and stopped with their children (the
 * MiddleManager's task JVMs): TERM first, KILL after a grace period.
 */
final class StartedProcesses {
  private static final Duration GRACE = Duration.ofSeconds(20);
  /** How long a killed process may take to be gone. */
  private static final Duration KILLED_EXIT = Duration.ofSeconds(10);

  private final Path pidFile;
  private final List<ProcessHandle> processes = new ArrayList<>();

  StartedProcesses(Path workDir) {
    this.pidFile = workDir.resolve("pids");
  }

  synchronized void add(ProcessHandle p) {
    processes.add(p);
    List<String> lines = new ArrayList<>();
    for (ProcessHandle h : processes) {
      lines.add(h.pid() + " " + h.info().startInstant().map(Instant::toString).orElse("-"));
    }
    try {
      Files.write(pidFile, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The processes a pid file names that are still the ones it recorded. */
  static StartedProcesses recorded(Path workDir) {
    StartedProcesses s = new StartedProcesses(workDir);
    if (!Files.exists(s.pidFile)) {
      return s;
    }
    try {
      for (String line : Files.readAllLines(s.pidFile, StandardCharsets.UTF_8)) {
        String[] parts = line.trim().split(" ");
        if (parts.length != 2) {
          continue;
        }
        Optional<ProcessHandle> h = ProcessHandle.of(Long.parseLong(parts[0]));
        if (h.isPresent() && h.get().isAlive()
            && h.get().info().startInstant().map(Instant::toString).orElse("-").equals(parts[1])) {
          s.processes.add(h.get());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return s;
  }

  synchronized int aliveCount() {
    return (int) processes.stream().filter(ProcessHandle::isAlive).count();
  }

  /** Stops the processes, last started first, each with its descendants; removes the pid file. Returns how many were alive. */
  synchronized int stopAll() {
    int stopped = 0;
    for (int i = processes.size() - 1; i >= 0; i--) {
      ProcessHandle p = processes.get(i);
      if (p.isAlive()) {
        stopped++;
        stop(p);
      }
    }
    processes.clear();
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return stopped;
  }

  private static void stop(ProcessHandle p) {
    List<ProcessHandle> family = new ArrayList<>(p.descendants().toList());
    family.add(0, p);
    family.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + GRACE.toNanos();
    for (ProcessHandle h : family) {
      long left = deadline - System.nanoTime();
      try {
        if (left > 0) {
          h.onExit().get(left, TimeUnit.NANOSECONDS);
        }
      } catch (Exception e) {
        // not gone in time: killed below
      }
    }
    for (ProcessHandle h : family) {
      if (h.isAlive()) {
        h.destroyForcibly();
        try {
          h.onExit().get(KILLED_EXIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
          // a process that outlives KILL is the kernel's to end; nothing more to send
        }
      }
    }
  }
}
