package dev.druidtasks.server.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import org.eclipse.jetty.http.UriCompliance;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Settings of a node. Commands read the bundled {@code druid-tasks.yml}; the defaults here are the
 * same (a test holds them so) for a configuration built with no file at all.
 */
public class DruidTasksConfiguration extends Configuration {
  /** The JDBC URL that means "start the embedded PostgreSQL under the data dir". */
  public static final String EMBEDDED = "embedded";

  @Valid
  @NotNull
  private DataSourceFactory database = defaultDatabase();

  @NotNull
  private String dataDir = "./var";

  @NotNull
  private String host = "localhost";

  /** 0: no worker on this node (a worker-only node needs at least 1, checked by its command). */
  @Min(0)
  private int workerCapacity = 2;

  @NotNull
  private Role role = Role.ALL;

  @NotNull
  private Duration tick = Duration.milliseconds(100);

  @NotNull
  private Duration heartbeatPeriod = Duration.seconds(1);

  @NotNull
  private Duration workerTimeout = Duration.seconds(30);

  /** Complete tasks older than this are left out of lists that give neither max nor createdTimeInterval. */
  @NotNull
  private Duration recentlyFinishedThreshold = Duration.hours(24);

  /** Directories that local input sources may read; empty: the working directory and the data dir. */
  @NotNull
  private List<String> allowedInputRoots = new ArrayList<>();
  private boolean localInput = true;

  public DruidTasksConfiguration() {
    DefaultServerFactory server = new DefaultServerFactory();
    HttpConnectorFactory app = new HttpConnectorFactory();
    app.setPort(8888);
    app.setUriCompliance(UriCompliance.UNSAFE);
    app.setMaxRequestHeaderSize(DataSize.kibibytes(64));
    HttpConnectorFactory admin = new HttpConnectorFactory();
    admin.setPort(8889);
    server.setApplicationConnectors(List.of(app));
    server.setAdminConnectors(List.of(admin));
    server.setRegisterDefaultExceptionMappers(false);
    server.setJerseyRootPath("/");
    setServerFactory(server);
  }

  private static DataSourceFactory defaultDatabase() {
    DataSourceFactory db = new DataSourceFactory();
    db.setDriverClass("org.postgresql.Driver");
    db.setUrl(EMBEDDED);
    db.setUser("postgres");
    db.setPassword("");
    db.setMinSize(2);
    db.setMaxSize(32);
    db.setValidationQuery("/* druid-tasks health */ SELECT 1");
    db.setProperties(Map.of("ApplicationName", "druid-tasks"));
    return db;
  }

  @JsonProperty public DataSourceFactory getDatabase() { return database; }
  @JsonProperty public void setDatabase(DataSourceFactory database) { this.database = database; }
  @JsonProperty public String getDataDir() { return dataDir; }
  @JsonProperty public void setDataDir(String dataDir) { this.dataDir = dataDir; }
  @JsonProperty public String getHost() { return host; }
  @JsonProperty public void setHost(String host) { this.host = host; }
  @JsonProperty public int getWorkerCapacity() { return workerCapacity; }
  @JsonProperty public void setWorkerCapacity(int workerCapacity) { this.workerCapacity = workerCapacity; }
  @JsonProperty public Role getRole() { return role; }
  @JsonProperty public void setRole(Role role) { this.role = role; }
  @JsonProperty public Duration getTick() { return tick; }
  @JsonProperty public void setTick(Duration tick) { this.tick = tick; }
  @JsonProperty public Duration getHeartbeatPeriod() { return heartbeatPeriod; }
  @JsonProperty public void setHeartbeatPeriod(Duration heartbeatPeriod) { this.heartbeatPeriod = heartbeatPeriod; }
  @JsonProperty public Duration getWorkerTimeout() { return workerTimeout; }
  @JsonProperty public void setWorkerTimeout(Duration workerTimeout) { this.workerTimeout = workerTimeout; }
  @JsonProperty public Duration getRecentlyFinishedThreshold() { return recentlyFinishedThreshold; }
  @JsonProperty public void setRecentlyFinishedThreshold(Duration d) { this.recentlyFinishedThreshold = d; }
  @JsonProperty public List<String> getAllowedInputRoots() { return allowedInputRoots; }
  @JsonProperty public void setAllowedInputRoots(List<String> roots) { this.allowedInputRoots = roots; }
  /** False turns {@code local} input off: ingestion reads only inline data. */
  @JsonProperty public boolean isLocalInput() { return localInput; }
  @JsonProperty public void setLocalInput(boolean on) { this.localInput = on; }
}
