package dev.druidtasks.server.api;

import dev.druidtasks.server.engine.TaskScheduler;
import dev.druidtasks.server.engine.TaskWorker;
import dev.druidtasks.server.store.ControlDao;
import dev.druidtasks.server.store.TaskStore;
import dev.druidtasks.server.task.simulated.SimulationControl;
import java.nio.file.Path;

/** What the control API acts on in this node: its database, loops, simulations, clock and segment files. */
public record ControlTargets(TaskStore store, ControlDao dao, TaskScheduler scheduler, TaskWorker worker,
    SimulationControl simulations, ControlClock clock, Path deepStorage) { }
