package dev.druidtasks.server.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.ResourceConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of a node. Its defaults are the bundled {@value LayeredSource#BUNDLED}, whose
 * {@code ${DRUID_TASKS_…:-default}} take the environment's values, so that a configuration built
 * with no file at all has them too; the rest are below.
 */
public class DruidTasksConfiguration extends Configuration {
  /** The JDBC URL that means "start the embedded PostgreSQL under the data dir". */
  public static final String EMBEDDED = "embedded";
  private static final ObjectMapper YAML = Jackson.newObjectMapper(new YAMLFactory());

  @Valid @NotNull @JsonProperty private DataSourceFactory database;
  @NotNull @JsonProperty private String dataDir;
  @NotNull @JsonProperty private String host;
  /** 0: no worker on this node (a worker-only node needs at least 1, checked by its command). */
  @Min(0) @JsonProperty private int workerCapacity;
  @NotNull @JsonProperty private Role role = Role.ALL;
  @NotNull @JsonProperty private Duration tick = Duration.milliseconds(100);
  @NotNull @JsonProperty private Duration heartbeatPeriod = Duration.seconds(1);
  @NotNull @JsonProperty private Duration workerTimeout = Duration.seconds(30);
  /** How long a stopping worker lets its running tasks finish before it stops them (0: at once, as Druid). */
  @NotNull @JsonProperty private Duration drainTimeout = Duration.seconds(0);
  /** Whether this node takes part in the scheduler's leadership: always for serve, on request for a worker. */
  @JsonProperty private boolean scheduler = true;
  /** Complete tasks older than this are left out of lists that give neither max nor createdTimeInterval. */
  @NotNull @JsonProperty private Duration recentlyFinishedThreshold = Duration.hours(24);
  /** Directories that local input sources may read; empty: the working directory and the data dir. */
  @NotNull @JsonProperty private List<String> allowedInputRoots = new ArrayList<>();
  /** False turns {@code local} input off: ingestion reads only inline data. */
  @JsonProperty private boolean localInput = true;
  @JsonProperty private SecurityConfiguration auth = new SecurityConfiguration();
  /** Simulated task types and the control API, for tests that drive this server. */
  @Valid @NotNull @JsonProperty private SimulationConfiguration simulation = new SimulationConfiguration();

  public DruidTasksConfiguration() {
    try (InputStream defaults = new SubstitutingSourceProvider(new ResourceConfigurationSourceProvider(),
        new EnvironmentVariableSubstitutor(false)).open(LayeredSource.BUNDLED)) {
      YAML.readerForUpdating(this).readValue(defaults);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled " + LayeredSource.BUNDLED, e);
    }
  }

  @JsonProperty public DataSourceFactory getDatabase() { return database; }
  @JsonProperty public String getDataDir() { return dataDir; }
  @JsonProperty public String getHost() { return host; }
  @JsonProperty public int getWorkerCapacity() { return workerCapacity; }
  @JsonProperty public Role getRole() { return role; }
  @JsonProperty public void setRole(Role role) { this.role = role; }
  @JsonProperty public Duration getTick() { return tick; }
  @JsonProperty public Duration getHeartbeatPeriod() { return heartbeatPeriod; }
  @JsonProperty public Duration getWorkerTimeout() { return workerTimeout; }
  @JsonProperty public Duration getDrainTimeout() { return drainTimeout; }
  @JsonProperty public boolean isScheduler() { return scheduler; }
  @JsonProperty public Duration getRecentlyFinishedThreshold() { return recentlyFinishedThreshold; }
  @JsonProperty public List<String> getAllowedInputRoots() { return allowedInputRoots; }
  @JsonProperty public SecurityConfiguration getAuth() { return auth; }
  @JsonProperty public SimulationConfiguration getSimulation() { return simulation; }
  @JsonProperty public boolean isLocalInput() { return localInput; }
}
