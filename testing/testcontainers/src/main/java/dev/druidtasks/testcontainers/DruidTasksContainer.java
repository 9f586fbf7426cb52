package dev.druidtasks.testcontainers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The druid-tasks image ({@code druid-tasks:<version>}, built by the server's {@code mvn package} into
 * {@code server/target/jib-image.tar}) with a PostgreSQL container beside it on a network of their own:
 * <pre>{@code
 * @Container
 * static DruidTasksContainer druid = new DruidTasksContainer().withImageTar(Path.of("server/target/jib-image.tar"));
 * ... druid.getOverlordUrl() ...
 * }</pre>
 * The image is loaded from the tar when the Docker engine does not have it yet. Stopping it stops its database.
 */
public class DruidTasksContainer extends GenericContainer<DruidTasksContainer> {
  /** The Tasks API's port in the container. */
  public static final int PORT = 8888;
  /** Health checks and metrics. */
  public static final int ADMIN_PORT = 8889;
  /** Where the image's tar is looked for when {@link #withImageTar} was not called. */
  public static final String IMAGE_TAR_PROPERTY = "druidtasks.image.tar";
  private static final DockerImageName DATABASE_IMAGE = DockerImageName.parse("postgres:16-alpine");
  private static final String DATABASE_HOST = "druid-tasks-db";
  private static final String DATABASE_PASSWORD = "druid-tasks";

  private final Network network = Network.newNetwork();
  private final GenericContainer<?> database;
  private Path imageTar;

  /** The image of this module's version: {@code druid-tasks:<version>}. */
  public DruidTasksContainer() {
    this(defaultImage());
  }

  public DruidTasksContainer(DockerImageName image) {
    super(image);
    String tar = System.getProperty(IMAGE_TAR_PROPERTY);
    this.imageTar = tar == null || tar.isBlank() ? null : Path.of(tar);
    this.database = new GenericContainer<>(DATABASE_IMAGE)
        .withNetwork(network)
        .withNetworkAliases(DATABASE_HOST)
        .withEnv("POSTGRES_PASSWORD", DATABASE_PASSWORD)
        // PostgreSQL's image restarts the server once after its first setup
        .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2)
            .withStartupTimeout(Duration.ofMinutes(2)));
    withNetwork(network);
    dependsOn(database);
    withExposedPorts(PORT, ADMIN_PORT);
    withEnv("DRUID_TASKS_JDBC_URL", "jdbc:postgresql://" + DATABASE_HOST + ":5432/postgres");
    withEnv("DRUID_TASKS_DB_USER", "postgres");
    withEnv("DRUID_TASKS_DB_PASSWORD", DATABASE_PASSWORD);
    waitingFor(Wait.forHttp("/status/health").forPort(PORT).forStatusCode(200)
        .withStartupTimeout(Duration.ofMinutes(2)));
  }

  /** {@code druid-tasks:<this module's version>}. */
  public static DockerImageName defaultImage() {
    Properties p = new Properties();
    try (InputStream in = DruidTasksContainer.class.getResourceAsStream("image.properties")) {
      if (in == null) {
        throw new IllegalStateException("image.properties is missing from the druid-tasks-testcontainers jar");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return DockerImageName.parse("druid-tasks").withTag(p.getProperty("version"));
  }

  /** The image archive to load when the engine lacks the image (what {@code docker load -i} reads). */
  public DruidTasksContainer withImageTar(Path tar) {
    this.imageTar = tar;
    return this;
  }

  /** Tasks the node's worker runs at once. */
  public DruidTasksContainer withCapacity(int tasks) {
    return withEnv("DRUID_TASKS_CAPACITY", String.valueOf(tasks));
  }

  /** The base URL of the Tasks API (and the control API) from the test's side, such as {@code http://localhost:32771}. */
  public String getOverlordUrl() {
    return "http://" + getHost() + ":" + getMappedPort(PORT);
  }

  @Override
  protected void doStart() {
    loadImageIfAbsent();
    super.doStart();
  }

  @Override
  public void stop() {
    super.stop();
    database.stop();
    network.close();
  }

  private void loadImageIfAbsent() {
    DockerClient docker = DockerClientFactory.instance().client();
    String image = getDockerImageName();
    try {
      docker.inspectImageCmd(image).exec();
      return;
    } catch (NotFoundException absent) {
      // loaded below
    }
    if (imageTar == null || !Files.isRegularFile(imageTar)) {
      throw new IllegalStateException("Docker has no image " + image + " and no image archive is at " + imageTar
          + ": build it with mvn package (server/target/jib-image.tar) or load it with docker load");
    }
    try (InputStream in = Files.newInputStream(imageTar)) {
      docker.loadImageCmd(in).exec();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + imageTar, e);
    }
  }
}
