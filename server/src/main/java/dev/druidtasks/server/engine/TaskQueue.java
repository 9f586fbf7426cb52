package dev.druidtasks.server.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.store.DuplicateTaskException;
import dev.druidtasks.server.store.NewTask;
import dev.druidtasks.server.store.TaskRecord;
import dev.druidtasks.server.store.TaskStore;
import dev.druidtasks.server.task.ErrorMessages;
import dev.druidtasks.server.task.InvalidTaskException;
import dev.druidtasks.server.task.Task;
import dev.druidtasks.server.task.TaskTypeRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Accepts tasks and shutdown requests; the scheduler and workers pick them up from the store. */
public final class TaskQueue {
  /** What a shutdown request found. */
  public enum ShutdownOutcome { NOT_FOUND, ALREADY_COMPLETE, STOPPING }

  private final TaskStore store;
  private final TaskTypeRegistry registry;
  private final ObjectMapper json;
  private final Clock clock;
  private final List<Runnable> listeners = new ArrayList<>();
  private volatile EngineEvents events = EngineEvents.NONE;

  public TaskQueue(TaskStore store, TaskTypeRegistry registry, ObjectMapper json, Clock clock) {
    this.store = store;
    this.registry = registry;
    this.json = json;
    this.clock = clock;
  }

  /** Who hears of tasks stopped before they started (metrics). */
  public void observe(EngineEvents observer) {
    this.events = observer;
  }

  /** Called after each accepted submission or shutdown, to wake this process's loops early. */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  /**
   * Stores the task as WAITING and returns its id (generated when the payload has none), once {@code admit}
   * has seen the parsed task (it throws to refuse it).
   */
  public String submit(ObjectNode body, Consumer<Task> admit) throws InvalidTaskException, DuplicateTaskException {
    Task task = registry.read(body);
    admit.accept(task);
    try {
      store.tasks().insert(new NewTask(task.id(), task.groupId(), task.type(), task.dataSource(), task.priority(), clock.instant(),
          json.writeValueAsString(task.payload()), task.lockIntervals()));
    } catch (JsonProcessingException e) {
      throw new InvalidTaskException("Task payload cannot be stored: " + e.getOriginalMessage());
    }
    listeners.forEach(Runnable::run);
    return task.id();
  }

  /**
   * Stops a task: one that has not started ends FAILED at once; a running one is told to stop and
   * ends FAILED shortly after. Either way its errorMsg is Druid's "Shutdown request from user".
   */
  public ShutdownOutcome shutdown(String id) {
    Optional<TaskRecord> found = store.taskReads().find(id);
    if (found.isEmpty()) {
      return ShutdownOutcome.NOT_FOUND;
    }
    if (found.get().state().isComplete()) {
      return ShutdownOutcome.ALREADY_COMPLETE;
    }
    if (store.tasks().failNotStarted(id, ErrorMessages.SHUTDOWN, clock.instant())) {
      events.taskEnded(found.get().type(), found.get().dataSource(), false, null);
    } else if (!store.tasks().requestShutdown(id, clock.instant())) {
      return ShutdownOutcome.ALREADY_COMPLETE;
    }
    listeners.forEach(Runnable::run);
    return ShutdownOutcome.STOPPING;
  }

  /** Shuts down every active task of a data source; returns the ids it stopped. */
  public List<String> shutdownAll(String dataSource) {
    List<String> stopped = new ArrayList<>();
    for (String id : store.taskReads().activeIdsOf(dataSource)) {
      if (shutdown(id) == ShutdownOutcome.STOPPING) {
        stopped.add(id);
      }
    }
    return stopped;
  }
}
