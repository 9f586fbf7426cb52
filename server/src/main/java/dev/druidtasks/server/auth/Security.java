package dev.druidtasks.server.auth;

import dev.druidtasks.server.store.SecurityDao;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Basic security as Druid's {@code druid-basic-security} extension has it: one authenticator and one
 * authorizer over the database, both named {@code basic} unless configured, and the initial user
 * {@code admin} holding the role {@code admin}, which may do everything.
 *
 * @param inputSourceSecurity whether reading other than inline input needs EXTERNAL READ on the input source type
 */
public record Security(String authenticatorName, String authorizerName, boolean inputSourceSecurity,
    Authenticator authenticator, SecurityAdmin admin) {
  public static final String ADMIN = "admin";

  /** How the database-backed authenticator works. */
  public record Settings(String authenticatorName, String authorizerName, boolean inputSourceSecurity, int bcryptCost,
      int failuresBeforeThrottle, Duration failureRefill, Duration directoryCheck) {
    /**
     * bcrypt at cost 10; {@code burst} failed logins of one user from one client at once, then one per
     * {@code refill}; other nodes' changes seen within a second.
     */
    public static Settings of(String authenticatorName, String authorizerName, boolean inputSourceSecurity, int burst,
        Duration refill) {
      return new Settings(authenticatorName, authorizerName, inputSourceSecurity, 10, burst, refill,
          Duration.ofSeconds(1));
    }
  }

  public static Security over(SecurityDao dao, Settings settings, Clock clock) {
    SecurityDirectory directory = new SecurityDirectory(dao, clock, settings.directoryCheck());
    PasswordHashes hashes = new PasswordHashes(settings.bcryptCost());
    LoginThrottle throttle = new LoginThrottle(settings.failuresBeforeThrottle(), settings.failureRefill(), clock);
    return new Security(settings.authenticatorName(), settings.authorizerName(), settings.inputSourceSecurity(),
        new Authenticator(directory, throttle, hashes), new SecurityAdmin(dao, directory, hashes));
  }

  /**
   * Creates {@code admin} with {@code initialPassword} and the {@code admin} role, as Druid does on its
   * first start; an existing {@code admin} and its password are left as they are.
   */
  public void ensureInitialAdmin(String initialPassword) {
    try {
      if (!admin.authenticatorUsers().contains(ADMIN)) {
        admin.createAuthenticatorUser(ADMIN);
        admin.setPassword(ADMIN, initialPassword);
      }
      ensureAdminRole(admin);
      if (!admin.authorizerUsers().contains(ADMIN)) {
        admin.createAuthorizerUser(ADMIN);
        admin.assignRole(ADMIN, ADMIN);
      }
    } catch (AdminRefusal e) {
      // another node set it up at the same moment
      throw new IllegalStateException("Cannot set up the initial admin: " + e.getMessage(), e);
    }
  }

  /** The role {@code admin}, which may do everything. */
  public static void ensureAdminRole(SecurityAdmin admin) {
    if (!admin.roles().contains(ADMIN)) {
      admin.createRole(ADMIN);
      admin.setGranted(ADMIN, everything());
    }
  }

  /** Every action on every resource, the {@code admin} role's grants, in Druid's order. */
  static List<Permission> everything() {
    List<Permission> all = new ArrayList<>();
    for (ResourceType type : List.of(ResourceType.CONFIG, ResourceType.QUERY_CONTEXT, ResourceType.SYSTEM_TABLE,
        ResourceType.EXTERNAL, ResourceType.DATASOURCE, ResourceType.STATE, ResourceType.VIEW)) {
      for (Action action : Action.values()) {
        all.add(new Permission(".*", type, action));
      }
    }
    return all;
  }
}
