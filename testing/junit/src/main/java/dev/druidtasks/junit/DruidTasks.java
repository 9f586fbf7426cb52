package dev.druidtasks.junit;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/** A druid-tasks server a test runs against: its URL, its control API, how long it took to start. */
public final class DruidTasks {
  private final URI url;
  private final DruidTasksControl control;
  private final Duration startTime;

  DruidTasks(URI url, Duration startTime) {
    this.url = url;
    this.startTime = startTime;
    this.control = new DruidTasksControl(url, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
  }

  /** The base URL, such as {@code http://localhost:41234}: the Overlord's and the Router's for Druid's clients. */
  public URI url() {
    return url;
  }

  /** The Tasks API's base: {@code <url>/druid/indexer/v1}. */
  public URI tasksApi() {
    return URI.create(url + "/druid/indexer/v1");
  }

  public DruidTasksControl control() {
    return control;
  }

  /** How long the server took to start in this JVM (its embedded PostgreSQL included). */
  public Duration startTime() {
    return startTime;
  }
}
