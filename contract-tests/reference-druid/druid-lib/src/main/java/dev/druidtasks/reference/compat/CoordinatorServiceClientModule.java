package dev.druidtasks.reference.compat;

import com.google.inject.Binder;
import com.google.inject.Provides;
import org.apache.druid.client.coordinator.Coordinator;
import org.apache.druid.discovery.NodeRole;
import org.apache.druid.guice.annotations.EscalatedGlobal;
import org.apache.druid.initialization.DruidModule;
import org.apache.druid.rpc.ServiceClient;
import org.apache.druid.rpc.ServiceClientFactory;
import org.apache.druid.rpc.ServiceLocator;
import org.apache.druid.rpc.StandardRetryPolicy;

/**
 * The one binding that druid-basic-security 37 expects and Druid 33 lacks: a {@link ServiceClient}
 * to the Coordinator, through which every service but the Coordinator polls the users, roles and
 * permissions. Druid 33 already binds both of its parts (the escalated client factory, the
 * Coordinator's locator); later Druids bind this client themselves. Loaded from the extension's
 * folder, so only a secured start has it.
 */
public final class CoordinatorServiceClientModule implements DruidModule {
  /** As Druid's own service clients: a poll that fails is retried on the next period anyway. */
  private static final int MAX_ATTEMPTS = 6;

  @Override
  public void configure(Binder binder) {
    // the provider below is the whole module
  }

  @Provides
  @Coordinator
  public ServiceClient coordinatorServiceClient(@EscalatedGlobal ServiceClientFactory clients,
      @Coordinator ServiceLocator coordinator) {
    return clients.makeClient(NodeRole.COORDINATOR.getJsonName(), coordinator,
        StandardRetryPolicy.builder().maxAttempts(MAX_ATTEMPTS).build());
  }
}
