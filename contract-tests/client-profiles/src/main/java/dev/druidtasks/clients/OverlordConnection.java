package dev.druidtasks.clients;

import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.druid.jackson.DefaultObjectMapper;
import org.apache.druid.java.util.common.lifecycle.Lifecycle;
import org.apache.druid.java.util.http.client.HttpClient;
import org.apache.druid.java.util.http.client.HttpClientConfig;
import org.apache.druid.java.util.http.client.HttpClientInit;
import org.apache.druid.rpc.FixedServiceLocator;
import org.apache.druid.rpc.ServiceClientFactoryImpl;
import org.apache.druid.rpc.ServiceLocation;
import org.apache.druid.rpc.StandardRetryPolicy;
import org.apache.druid.rpc.indexing.OverlordClient;
import org.apache.druid.rpc.indexing.OverlordClientImpl;
import org.apache.druid.timeline.DataSegment;

/**
 * Druid 33's own {@link OverlordClientImpl}, put together as Druid's {@code ServiceClientModule} does for its
 * services: a {@link ServiceClientFactoryImpl} over Druid's Netty HTTP client, a fixed service locator in place
 * of ZooKeeper discovery, and the standard retry policy with the module's six attempts.
 */
final class OverlordConnection implements AutoCloseable {
  /** {@code ServiceClientModule.CLIENT_MAX_ATTEMPTS} in Druid 33. */
  static final int CLIENT_MAX_ATTEMPTS = 6;

  private final Lifecycle lifecycle = new Lifecycle("client-profile");
  private final ScheduledExecutorService connectExec = Executors.newScheduledThreadPool(4, r -> {
    Thread t = new Thread(r, "ServiceClientFactory");
    t.setDaemon(true);
    return t;
  });
  private final ObjectMapper json;
  private final OverlordClient client;

  OverlordConnection(URI target) throws Exception {
    lifecycle.start();
    HttpClient http = HttpClientInit.createClient(
        HttpClientConfig.builder().withNumConnections(4).withWorkerCount(2).build(), lifecycle);
    json = new DefaultObjectMapper();
    // Druid's services inject this when they read segments; the client profile reads them as Druid does.
    json.setInjectableValues(new InjectableValues.Std()
        .addValue(DataSegment.PruneSpecsHolder.class, DataSegment.PruneSpecsHolder.DEFAULT));
    ServiceLocation location = new ServiceLocation(target.getHost(), target.getPort(), -1,
        target.getPath() == null ? "" : target.getPath().replaceAll("/+$", ""));
    client = new OverlordClientImpl(
        new ServiceClientFactoryImpl(http, connectExec).makeClient("overlord", new FixedServiceLocator(location),
            StandardRetryPolicy.builder().maxAttempts(CLIENT_MAX_ATTEMPTS).build()),
        json);
  }

  OverlordClient client() {
    return client;
  }

  /** Druid's own object mapper, as the client uses it. */
  ObjectMapper json() {
    return json;
  }

  @Override
  public void close() {
    lifecycle.stop();
    connectExec.shutdownNow();
  }
}
