package dev.druidtasks.conformance.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * An in-memory Tasks API for testing the suite without a real server: noop tasks that sleep on a
 * timer, a fixed number of worker slots, the lists and their filters, logs, shutdown and the
 * errors of BEHAVIOR.md. {@link Breakage}s turn single rules wrong, to see the suite notice.
 */
public final class StubOverlord implements AutoCloseable {
  /** One rule the stub can be told to break. */
  public enum Breakage {
    /** Complete tasks report runnerStatusCode WAITING instead of NONE, everywhere. */
    COMPLETE_RUNNER_WAITING,
    /** {@code max} and {@code n} are read but do not limit the list. */
    MAX_IGNORED,
    /** Unknown ids on {@code /task/{id}…} answer 200 instead of 404. */
    UNKNOWN_ID_200
  }

  private static final String BASE = "/druid/indexer/v1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TEXT = "text/plain; charset=utf-8";

  private final Set<Breakage> breakages;
  private final int capacity;
  private final Map<String, Task> tasks = new LinkedHashMap<>();
  private final HttpServer server;
  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "stub-scheduler");
    t.setDaemon(true);
    return t;
  });

  private static final class Task {
    final String id;
    final String dataSource;
    final Instant created;
    final long runTimeMs;
    final ObjectNode payload;
    String state = "WAITING";
    long startedNanos;
    long duration = -1;
    String errorMsg;
    StringBuilder log;

    Task(String id, String dataSource, Instant created, long runTimeMs, ObjectNode payload) {
      this.id = id;
      this.dataSource = dataSource;
      this.created = created;
      this.runTimeMs = runTimeMs;
      this.payload = payload;
    }

    boolean active() {
      return state.equals("WAITING") || state.equals("PENDING") || state.equals("RUNNING");
    }
  }

  public StubOverlord(int capacity, Set<Breakage> breakages) throws IOException {
    this.capacity = capacity;
    this.breakages = breakages.isEmpty() ? EnumSet.noneOf(Breakage.class) : EnumSet.copyOf(breakages);
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
    clock.scheduleWithFixedDelay(this::tick, 20, 20, TimeUnit.MILLISECONDS);
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    clock.shutdownNow();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  public synchronized int activeTasks() {
    return (int) tasks.values().stream().filter(Task::active).count();
  }

  private synchronized void tick() {
    long now = System.nanoTime();
    int running = 0;
    for (Task t : tasks.values()) {
      if (t.state.equals("RUNNING")) {
        if (now - t.startedNanos >= t.runTimeMs * 1_000_000) {
          t.state = "SUCCESS";
          t.duration = (now - t.startedNanos) / 1_000_000;
          t.log.append(Instant.now()).append(" INFO Task [").append(t.id).append("] finished: SUCCESS\n");
        } else {
          running++;
        }
      }
    }
    for (Task t : tasks.values()) {
      if (t.state.equals("WAITING")) {
        t.state = "PENDING"; // noops need no lock: ready on the next tick
      } else if (t.state.equals("PENDING") && running < capacity) {
        t.state = "RUNNING";
        t.startedNanos = now;
        t.log = new StringBuilder();
        t.log.append(Instant.now()).append(" INFO Running noop task [").append(t.id).append("] for ")
            .append(t.runTimeMs).append(" ms\n");
        running++;
      }
    }
  }

  // ---- HTTP ----

  private record Answer(int status, String contentType, byte[] body) {
    static Answer json(int status, Object value) {
      try {
        return new Answer(status, "application/json", JSON.writeValueAsBytes(value));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    static Answer text(int status, String text) {
      return new Answer(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    static Answer empty(int status) {
      return new Answer(status, null, new byte[0]);
    }

    static Answer error(int status, String message) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", "druidException");
      body.put("errorCode", "invalidInput");
      body.put("persona", "USER");
      body.put("category", "INVALID_INPUT");
      body.put("errorMessage", message);
      body.put("context", Map.of());
      return json(status, body);
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    Answer a;
    try {
      byte[] body = ex.getRequestBody().readAllBytes();
      a = route(ex.getRequestMethod(), ex.getRequestURI(), ex.getRequestHeaders().getFirst("Content-Type"), body);
    } catch (RuntimeException e) {
      a = Answer.error(500, e.toString());
    }
    byte[] out = a.body();
    String accept = ex.getRequestHeaders().getFirst("Accept-Encoding");
    if (accept != null && accept.contains("gzip") && out.length > 0) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
        gz.write(out);
      }
      out = buf.toByteArray();
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
    }
    if (a.contentType() != null) {
      ex.getResponseHeaders().set("Content-Type", a.contentType());
    }
    ex.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(out);
    }
  }

  private Answer route(String method, URI uri, String contentType, byte[] body) {
    String raw = uri.getRawPath();
    if (raw.length() > 1 && raw.endsWith("/")) {
      raw = raw.substring(0, raw.length() - 1);
    }
    Map<String, String> q = query(uri.getRawQuery());
    if (raw.equals("/status/health")) {
      return only(method, "GET") ? Answer.json(200, true) : Answer.empty(405);
    }
    if (raw.equals("/status")) {
      return only(method, "GET") ? Answer.json(200, Map.of("version", "stub")) : Answer.empty(405);
    }
    if (!raw.startsWith(BASE + "/")) {
      return Answer.empty(404);
    }
    List<String> seg = new ArrayList<>();
    for (String s : raw.substring(BASE.length() + 1).split("/", -1)) {
      seg.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    String first = seg.get(0);
    switch (first) {
      case "tasks", "completeTasks", "runningTasks", "waitingTasks", "pendingTasks" -> {
        if (seg.size() != 1) {
          return Answer.empty(404);
        }
        return only(method, "GET") ? list(first, q) : Answer.empty(405);
      }
      case "task" -> {
        if (seg.size() == 1) {
          return only(method, "POST") ? submit(contentType, body) : Answer.empty(405);
        }
        if (seg.size() == 2) {
          return only(method, "GET") ? task(seg.get(1), "") : Answer.empty(405);
        }
        if (seg.size() == 3) {
          String what = seg.get(2);
          if (what.equals("shutdown")) {
            return only(method, "POST") ? task(seg.get(1), what) : Answer.empty(405);
          }
          if (List.of("status", "segments", "log", "reports").contains(what)) {
            return only(method, "GET") ? task(seg.get(1), what + (q.containsKey("offset") ? "?" + q.get("offset")
                : "")) : Answer.empty(405);
          }
        }
        return Answer.empty(404);
      }
      case "datasources" -> {
        if (seg.size() == 3 && seg.get(2).equals("shutdownAllTasks")) {
          return only(method, "POST") ? shutdownAll(seg.get(1)) : Answer.empty(405);
        }
        return Answer.empty(404);
      }
      case "taskStatus" -> {
        return only(method, "POST") ? bulkStatus(contentType, body) : Answer.empty(405);
      }
      case "pendingSegments" -> {
        if (seg.size() != 2) {
          return Answer.empty(404);
        }
        return only(method, "DELETE") ? pendingSegments(seg.get(1), q.get("interval")) : Answer.empty(405);
      }
      default -> {
        return Answer.empty(404);
      }
    }
  }

  private static boolean only(String method, String allowed) {
    return method.equalsIgnoreCase(allowed);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String k = eq < 0 ? pair : pair.substring(0, eq);
        String v = eq < 0 ? "" : pair.substring(eq + 1);
        q.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
      }
    }
    return q;
  }

  // ---- lists ----

  private synchronized Answer list(String endpoint, Map<String, String> q) {
    String state = switch (endpoint) {
      case "completeTasks" -> "complete";
      case "runningTasks" -> "running";
      case "waitingTasks" -> "waiting";
      case "pendingTasks" -> "pending";
      default -> q.get("state");
    };
    if (state != null) {
      state = state.toLowerCase(Locale.ROOT);
      if (!List.of("pending", "waiting", "running", "complete").contains(state)) {
        return Answer.text(400, "Invalid task state[" + q.get("state")
            + "]. Must be one of [pending, waiting, running, complete].");
      }
    }
    Instant[] window = null;
    if (q.containsKey("createdTimeInterval")) {
      window = interval(q.get("createdTimeInterval"), "_");
      if (window == null) {
        return Answer.error(400, "Invalid value for query parameter [createdTimeInterval]");
      }
    }
    Integer max = null;
    String maxName = q.containsKey("max") ? "max" : endpoint.equals("completeTasks") && q.containsKey("n") ? "n" : null;
    if (maxName != null) {
      try {
        max = Integer.parseInt(q.get(maxName));
      } catch (NumberFormatException e) {
        max = -1;
      }
      if (max < 0) {
        return Answer.error(400, "Invalid value for query parameter [" + maxName + "]: expected a non-negative integer");
      }
      if (breakages.contains(Breakage.MAX_IGNORED)) {
        max = null;
      }
    }
    String ds = q.get("datasource");
    String type = q.get("type");
    Instant recent = window == null && max == null ? Instant.now().minus(1, ChronoUnit.DAYS) : null;
    List<Task> complete = new ArrayList<>();
    List<Task> active = new ArrayList<>();
    for (Task t : tasks.values()) {
      if (ds != null && !ds.equals(t.dataSource) || type != null && !type.equals(t.payload.path("type").asText())) {
        continue;
      }
      if (window != null && (t.created.isBefore(window[0]) || !t.created.isBefore(window[1]))) {
        continue;
      }
      if (!t.active()) {
        if ((state == null || state.equals("complete")) && (recent == null || !t.created.isBefore(recent))) {
          complete.add(t);
        }
      } else if (state == null || state.toUpperCase(Locale.ROOT).equals(t.state)) {
        active.add(t);
      }
    }
    complete.sort(Comparator.comparing((Task t) -> t.created).reversed());
    if (max != null && complete.size() > max) {
      complete = complete.subList(0, max);
    }
    active.sort(Comparator.comparing((Task t) -> t.created));
    ArrayNode out = JSON.createArrayNode();
    complete.forEach(t -> out.add(statusPlus(t)));
    active.forEach(t -> out.add(statusPlus(t)));
    return Answer.json(200, out);
  }

  private static Instant[] interval(String text, String separator) {
    String[] parts = text.split(separator, -1);
    if (parts.length != 2) {
      return null;
    }
    try {
      Instant a = instant(parts[0]);
      Instant b = instant(parts[1]);
      return a.isAfter(b) ? null : new Instant[] {a, b};
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Instant instant(String s) {
    if (s.length() == 10) {
      return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return Instant.parse(s);
  }

  private String runnerStatus(Task t) {
    if (t.active()) {
      return t.state;
    }
    return breakages.contains(Breakage.COMPLETE_RUNNER_WAITING) ? "WAITING" : "NONE";
  }

  private ObjectNode statusPlus(Task t) {
    ObjectNode s = JSON.createObjectNode();
    String code = t.active() ? "RUNNING" : t.state;
    s.put("id", t.id);
    s.put("groupId", t.payload.path("groupId").asText());
    s.put("type", t.payload.path("type").asText());
    s.put("createdTime", t.created.toString());
    s.put("queueInsertionTime", "1970-01-01T00:00:00.000Z");
    s.put("statusCode", code);
    s.put("status", code);
    s.put("runnerStatusCode", runnerStatus(t));
    s.put("duration", t.duration);
    s.set("location", location(t));
    s.put("dataSource", t.dataSource);
    if (t.errorMsg == null) {
      s.putNull("errorMsg");
    } else {
      s.put("errorMsg", t.errorMsg);
    }
    return s;
  }

  private static ObjectNode location(Task t) {
    ObjectNode loc = JSON.createObjectNode();
    if (t.state.equals("RUNNING")) {
      loc.put("host", "localhost").put("port", 8100).put("tlsPort", -1);
    } else {
      loc.putNull("host").put("port", -1).put("tlsPort", -1);
    }
    return loc;
  }

  // ---- one task ----

  private synchronized Answer task(String id, String what) {
    Task t = tasks.get(id);
    if (t == null) {
      if (breakages.contains(Breakage.UNKNOWN_ID_200)) {
        return Answer.json(200, Map.of("task", id));
      }
      return Answer.text(404, "Cannot find any task with id: [" + id + "]");
    }
    String offset = null;
    if (what.startsWith("log")) {
      offset = what.contains("?") ? what.substring(what.indexOf('?') + 1) : null;
      what = "log";
    }
    switch (what) {
      case "" -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task", id);
        body.put("payload", t.payload);
        return Answer.json(200, body);
      }
      case "status" -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task", id);
        body.put("status", statusPlus(t));
        return Answer.json(200, body);
      }
      case "segments" -> {
        return Answer.json(200, List.of());
      }
      case "reports" -> {
        return Answer.text(404, "No task reports were found for this task. The task may not exist, or it may not "
            + "have completed yet.");
      }
      case "log" -> {
        if (t.log == null) {
          return Answer.text(404, "No log was found for this task. The task may not exist, or it may not have begun "
              + "running yet.");
        }
        long from;
        try {
          from = offset == null ? 0 : Long.parseLong(offset);
        } catch (NumberFormatException e) {
          return Answer.error(400, "Invalid value [" + offset + "] for query parameter [offset]");
        }
        byte[] all = t.log.toString().getBytes(StandardCharsets.UTF_8);
        int start = from >= 0 ? (int) Math.min(from, all.length) : (int) Math.max(0, all.length + from);
        byte[] slice = java.util.Arrays.copyOfRange(all, start, all.length);
        return new Answer(200, TEXT, slice);
      }
      case "shutdown" -> {
        if (!t.active()) {
          return Answer.text(404, "Task [" + id + "] is no longer running");
        }
        stop(t);
        return Answer.json(200, Map.of("task", id));
      }
      default -> {
        return Answer.empty(404);
      }
    }
  }

  private void stop(Task t) {
    if (t.state.equals("RUNNING")) {
      t.duration = (System.nanoTime() - t.startedNanos) / 1_000_000;
      t.log.append(Instant.now()).append(" INFO Shutdown requested\n");
    }
    t.state = "FAILED";
    t.errorMsg = "Shutdown request from user";
  }

  private synchronized Answer shutdownAll(String ds) {
    List<Task> active = tasks.values().stream().filter(t -> t.active() && t.dataSource.equals(ds)).toList();
    if (active.isEmpty()) {
      return Answer.empty(404);
    }
    active.forEach(this::stop);
    return Answer.json(200, Map.of("dataSource", ds));
  }

  // ---- submit ----

  private synchronized Answer submit(String contentType, byte[] body) {
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      return Answer.error(415, "Content-Type must be application/json");
    }
    if (body.length == 0) {
      return Answer.error(400, "Request body is empty");
    }
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (IOException e) {
      return Answer.error(400, "Malformed JSON: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      return Answer.error(400, "A task must be a JSON object");
    }
    ObjectNode spec = ((ObjectNode) node).deepCopy();
    if (!spec.hasNonNull("type")) {
      return Answer.json(400, Map.of("error", "Could not resolve subtype: missing type id property 'type'"));
    }
    String type = spec.get("type").asText();
    if (!type.equals("noop")) {
      return Answer.json(400, Map.of("error", "Could not resolve type id '" + type + "' as a subtype of Task"));
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String id;
    if (spec.has("id") && !spec.get("id").isNull()) {
      id = spec.get("id").asText();
      String problem = idProblem(id);
      if (problem != null) {
        return Answer.json(400, Map.of("error", "Invalid value for field [task ID]: " + problem));
      }
    } else {
      id = "noop_" + now + "_" + UUID.randomUUID();
    }
    if (tasks.containsKey(id)) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("error", "druidException");
      e.put("errorCode", "entryAlreadyExists");
      e.put("persona", "USER");
      e.put("category", "INVALID_INPUT");
      e.put("errorMessage", "Task[" + id + "] already exists");
      e.put("context", Map.of());
      return Answer.json(400, e);
    }
    String ds = spec.path("dataSource").asText("none");
    long runTime = spec.path("runTime").asLong(0);
    spec.put("id", id);
    if (!spec.hasNonNull("groupId")) {
      spec.put("groupId", id);
    }
    spec.put("dataSource", ds);
    ObjectNode resource = spec.putObject("resource");
    resource.put("availabilityGroup", id).put("requiredCapacity", 1);
    ObjectNode context = spec.has("context") && spec.get("context").isObject() ? (ObjectNode) spec.get("context")
        : spec.putObject("context");
    context.put("forceTimeChunkLock", true).put("useLineageBasedSegmentAllocation", true);
    tasks.put(id, new Task(id, ds, now, runTime <= 0 ? 2500 : runTime, spec));
    return Answer.json(200, Map.of("task", id));
  }

  private static String idProblem(String id) {
    if (id.isEmpty()) {
      return "Value cannot be empty.";
    }
    if (id.contains("/")) {
      return "Value [" + id + "] cannot contain '/'.";
    }
    if (id.startsWith(".")) {
      return "Value [" + id + "] cannot start with '.'.";
    }
    if (id.length() > 255) {
      return "Value is longer than 255 characters.";
    }
    for (char c : id.toCharArray()) {
      if (Character.isISOControl(c) || Character.isSurrogate(c) || Character.isWhitespace(c) && c != ' ') {
        return "Value contains illegal character (code " + (int) c + ").";
      }
    }
    return null;
  }

  // ---- bulk status, pending segments ----

  private synchronized Answer bulkStatus(String contentType, byte[] body) {
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      return Answer.error(415, "Content-Type must be application/json");
    }
    if (body.length == 0) {
      return Answer.error(400, "No Task IDs provided.");
    }
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (IOException e) {
      return Answer.json(400, Map.of("error", "Malformed JSON: " + e.getMessage()));
    }
    if (node == null || !node.isArray()) {
      return Answer.json(400, Map.of("error", "Expected a JSON array of task ids"));
    }
    if (node.isEmpty()) {
      return Answer.error(400, "No Task IDs provided.");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode n : node) {
      if (!n.isTextual()) {
        return Answer.error(400, "Task IDs must be strings");
      }
      ids.add(n.asText());
    }
    ObjectNode out = JSON.createObjectNode();
    for (String id : ids) {
      Task t = tasks.get(id);
      if (t != null) {
        ObjectNode s = out.putObject(id);
        s.put("id", id);
        s.put("status", t.active() ? "RUNNING" : t.state);
        s.put("duration", t.duration);
        if (t.errorMsg == null) {
          s.putNull("errorMsg");
        } else {
          s.put("errorMsg", t.errorMsg);
        }
        s.set("location", location(t));
      }
    }
    return Answer.json(200, out);
  }

  private synchronized Answer pendingSegments(String ds, String intervalText) {
    Instant[] window = {Instant.EPOCH.minus(Duration.ofDays(365L * 10000)), Instant.MAX};
    if (intervalText != null) {
      window = interval(intervalText, "/");
      if (window == null) {
        return Answer.error(400, "Invalid value [" + intervalText + "] for query parameter [interval]");
      }
    }
    for (Task t : tasks.values()) {
      if (t.active() && t.dataSource.equals(ds) && t.created.isBefore(window[1])) {
        return Answer.error(400, "Active task [" + t.id + "] of datasource [" + ds + "] was created before the "
            + "interval's end");
      }
    }
    return Answer.json(200, Map.of("numDeleted", 0));
  }
}
