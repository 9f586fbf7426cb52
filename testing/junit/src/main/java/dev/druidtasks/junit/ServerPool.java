package dev.druidtasks.junit;

import dev.druidtasks.server.app.DruidTasksApplication;
import dev.druidtasks.server.app.DruidTasksConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The servers of this JVM, one per worker capacity, each started the first time a test asks for it and
 * stopped with the JVM: test classes share it (and its embedded PostgreSQL) instead of starting their own.
 */
final class ServerPool {
  private static final Map<Integer, DruidTasks> SERVERS = new ConcurrentHashMap<>();

  private ServerPool() {}

  static DruidTasks server(int capacity) {
    return SERVERS.computeIfAbsent(capacity, ServerPool::start);
  }

  private static DruidTasks start(int capacity) {
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("druid-tasks-junit");
    } catch (IOException e) {
      throw new UncheckedIOException("no temporary directory for the server's data", e);
    }
    long started = System.nanoTime();
    DropwizardTestSupport<DruidTasksConfiguration> support = new DropwizardTestSupport<>(DruidTasksApplication.class,
        (String) null,
        ConfigOverride.config("dataDir", dataDir.toString()),
        ConfigOverride.config("workerCapacity", String.valueOf(capacity)),
        ConfigOverride.config("server.applicationConnectors[0].port", "0"),
        ConfigOverride.config("server.adminConnectors[0].port", "0"),
        // tasks move on within a few milliseconds of each other
        ConfigOverride.config("tick", "20ms"),
        ConfigOverride.config("logging.level", "WARN"));
    try {
      support.before();
    } catch (Exception e) {
      throw new IllegalStateException("the druid-tasks server did not start", e);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    // Jetty stops the server when the JVM exits (Dropwizard sets stopAtShutdown); a second stopper would race it
    // and leave the stop half done
    return new DruidTasks(URI.create("http://localhost:" + support.getLocalPort()), took);
  }
}
