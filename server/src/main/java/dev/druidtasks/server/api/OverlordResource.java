package dev.druidtasks.server.api;

import dev.druidtasks.api.spec.OverlordApi;
import dev.druidtasks.api.spec.model.LockFilterPolicy;
import dev.druidtasks.server.store.ClusterDao;
import dev.druidtasks.server.store.TaskStore;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.Timestamps;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The parts of Druid's Overlord beyond the Tasks API that its own clients call. */
public record OverlordResource(TaskStore store, BooleanSupplier leads, Supplier<String> selfUrl)
    implements OverlordApi {
  /** What Druid's MiddleManagers report for these; this server has one kind of worker. */
  private static final String WORKER_VERSION = "0";
  private static final String WORKER_CATEGORY = "_default_worker_category";

  record Worker(String scheme, String host, String ip, int capacity, String version, String category) {}

  record WorkerInfo(Worker worker, int currCapacityUsed, int currParallelIndexCapacityUsed,
      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
      Map<String, Integer> currCapacityUsedByTaskType,
      Set<String> availabilityGroups, List<String> runningTasks, String lastCompletedTaskTime) {}

  record TotalWorkerCapacity(int currentClusterCapacity, int maximumCapacityWithAutoScale, int usedClusterCapacity) {}

  record LeaderFlag(boolean leader) {}

  /** The bare URL, not JSON-quoted, under Druid's JSON label: Druid's client reads the body as a URI. */
  @Override
  public Response getLeader() {
    String url = leads.getAsBoolean() ? selfUrl.get() : store.cluster().leaderUrl().orElse(null);
    if (url == null) {
      return ErrorBody.json(503, "serviceUnavailable", "UNAVAILABLE", "No node leads yet; try again in a moment");
    }
    return Response.ok(url.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE).build();
  }

  @Override
  public Response isLeader() {
    boolean leader = leads.getAsBoolean();
    return Response.status(leader ? 200 : 404).type(MediaType.APPLICATION_JSON_TYPE).entity(new LeaderFlag(leader))
        .build();
  }

  @Override
  public Response getWorkers() {
    Map<String, List<ClusterDao.RunningTask>> running = new TreeMap<>();
    for (ClusterDao.RunningTask t : store.cluster().running()) {
      running.computeIfAbsent(t.workerId(), w -> new ArrayList<>()).add(t);
    }
    List<WorkerInfo> out = new ArrayList<>();
    for (ClusterDao.Worker w : store.cluster().workers()) {
      List<ClusterDao.RunningTask> tasks = running.getOrDefault(w.id(), List.of());
      Map<String, Integer> byType = new TreeMap<>();
      Set<String> ids = new LinkedHashSet<>();
      tasks.forEach(t -> {
        byType.merge(t.type(), 1, Integer::sum);
        ids.add(t.id());
      });
      int parallel = byType.getOrDefault("index_parallel", 0);
      out.add(new WorkerInfo(new Worker("http", w.host() + ":" + w.port(), w.host(), w.capacity(), WORKER_VERSION,
          WORKER_CATEGORY), tasks.size(), parallel, byType, ids, List.copyOf(ids),
          Timestamps.format(w.lastCompletedTaskTime())));
    }
    return TaskInformationResource.json(out);
  }

  @Override
  public Response getTotalWorkerCapacity() {
    int capacity = store.cluster().workers().stream().mapToInt(ClusterDao.Worker::capacity).sum();
    return TaskInformationResource.json(new TotalWorkerCapacity(capacity, -1, store.cluster().running().size()));
  }

  @Override
  public Response getLockedIntervals(List<LockFilterPolicy> filters) {
    if (filters == null || filters.isEmpty()) {
      throw ApiException.invalidInput("No filter provided");
    }
    Map<String, List<String>> locked = new LinkedHashMap<>();
    for (int f = 0; f < filters.size(); f++) {
      LockFilterPolicy filter = filters.get(f);
      if (filter == null) {
        throw ApiException.invalidInput("Lock filter [" + f + "] is null");
      }
      int priority = filter.getPriority() == null ? 0 : filter.getPriority();
      List<Interval> within = filter.getIntervals() == null || filter.getIntervals().isEmpty()
          ? List.of(Interval.ETERNITY) : intervals(filter.getIntervals(), f);
      Set<String> held = new LinkedHashSet<>(locked.getOrDefault(filter.getDatasource(), List.of()));
      for (Interval i : within) {
        store.cluster().locks(filter.getDatasource(), priority, i).forEach(l -> held.add(l.interval().toString()));
      }
      if (!held.isEmpty()) {
        locked.put(filter.getDatasource(), List.copyOf(held));
      }
    }
    return TaskInformationResource.json(locked);
  }

  private static List<Interval> intervals(List<String> texts, int filter) {
    List<Interval> out = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      try {
        out.add(Interval.parse(String.valueOf(texts.get(i)), '/').clampedToEternity());
      } catch (IllegalArgumentException e) {
        throw ApiException.invalidInput("Invalid value [" + texts.get(i) + "] for field [[" + filter + "].intervals["
            + i + "]]: expected an ISO-8601 interval such as 2023-06-27/2023-06-28 (" + e.getMessage() + ")");
      }
    }
    return out;
  }

  /** Compaction is the Coordinator's duty here, as in Druid by default. */
  @Override
  public Response isCompactionSupervisorEnabled() {
    return TaskInformationResource.json(false);
  }

  /** No streaming ingestion runs here, so no supervisor either. */
  @Override
  public Response getSupervisors(String system, String full) {
    return TaskInformationResource.json(List.of());
  }
}
