package dev.druidtasks.server.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the scheduler and the embedded worker.
 *
 * @param capacity tasks one worker runs at once; the rest stay PENDING
 * @param tick how often the loops look at the database when nothing wakes them
 * @param workerTimeout a worker silent this long is dead and its running tasks fail
 * @param drainTimeout how long a stopping worker lets its running tasks finish before it stops them
 */
public record EngineConfig(
    String host,
    int capacity,
    Duration tick,
    Duration heartbeatPeriod,
    Duration workerTimeout,
    Duration drainTimeout,
    Path deepStorage,
    Path workDir) {}
