package dev.druidtasks.server.store;

/** Bytes of a task log from some offset; {@code exists} is false when the task never logged. */
public record LogSlice(boolean exists, byte[] bytes) {}
