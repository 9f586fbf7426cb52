package com.example.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The code under test: what an Airflow DAG's Druid operator does. It submits an ingestion spec, then polls
 * {@code /task/{id}/status} until the task is no longer RUNNING, and reports how it ended.
 */
final class IngestionPoller {
  /** What the poller saw at the end: {@code status.status}, {@code status.errorMsg}, {@code status.duration}. */
  record Outcome(String taskId, String status, String errorMsg, long durationMs, int polls) { }

  private final URI overlord;
  private final Duration interval;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  IngestionPoller(URI overlord, Duration interval) {
    this.overlord = overlord;
    this.interval = interval;
  }

  String submit(String spec) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(overlord.resolve("/druid/indexer/v1/task"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(spec)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("Druid refused the ingestion: " + r.statusCode() + " " + r.body());
    }
    return json.readTree(r.body()).get("task").asText();
  }

  Outcome awaitEnd(String taskId, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int polls = 0;
    while (System.nanoTime() < deadline) {
      polls++;
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(
          overlord.resolve("/druid/indexer/v1/task/" + taskId + "/status")).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode status = json.readTree(r.body()).get("status");
      if (!"RUNNING".equals(status.get("status").asText())) {
        return new Outcome(taskId, status.get("status").asText(),
            status.get("errorMsg").isNull() ? null : status.get("errorMsg").asText(), status.get("duration").asLong(),
            polls);
      }
      Thread.sleep(interval.toMillis());
    }
    throw new IOException("Druid ingestion " + taskId + " did not end within " + timeout);
  }
}
