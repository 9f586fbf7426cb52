package dev.druidtasks.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** A Tasks API stand-in whose answers (status, body, delay) a test decides request by request. */
final class StubTarget implements AutoCloseable {
  static {
    // headers and body leave in one go; otherwise Nagle and delayed ACKs add 40 ms to every answer
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  record Request(String method, String pathAndQuery, String body) {}

  record Answer(int status, String body, long delayMs) {
    static Answer ok(String body) {
      return new Answer(200, body, 0);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  final List<Request> received = new CopyOnWriteArrayList<>();

  StubTarget(Function<Request, Answer> answers) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
    server.setExecutor(threads);
    server.createContext("/", exchange -> handle(exchange, answers));
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The API's answers to setup and polls: each submit answered with its id, every status found. */
  static Answer api(Request r) {
    String path = r.pathAndQuery();
    if (path.startsWith("/druid/indexer/v1/completeTasks") || path.startsWith("/druid/indexer/v1/tasks")) {
      return Answer.ok("[{\"id\":\"stored-1\",\"dataSource\":\"wikipedia\"}]");
    }
    if (path.equals("/druid/indexer/v1/task")) {
      String id = r.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
      return Answer.ok("{\"task\":\"" + id + "\"}");
    }
    if (path.endsWith("/status")) {
      return Answer.ok("{\"task\":\"x\",\"status\":{\"id\":\"x\",\"statusCode\":\"SUCCESS\"}}");
    }
    if (path.equals("/druid/indexer/v1/taskStatus")) {
      return Answer.ok("{}");
    }
    return new Answer(404, "{\"error\":\"no such path\"}", 0);
  }

  private void handle(HttpExchange exchange, Function<Request, Answer> answers) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(), body);
      received.add(request);
      Answer a = answers.apply(request);
      if (a.delayMs() > 0) {
        Thread.sleep(a.delayMs());
      }
      byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(a.status(), out.length);
      exchange.getResponseBody().write(out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
