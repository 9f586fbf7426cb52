package dev.druidtasks.server.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.druidtasks.server.store.SecurityDao;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What Druid's basic-security admin API does: users and credentials of the authenticator; users, roles,
 * role assignments and permissions of the authorizer. Views and refusals are in Druid's shapes and words.
 */
public final class SecurityAdmin {
  private final SecurityDao dao;
  private final SecurityDirectory directory;
  private final PasswordHashes hashes;

  SecurityAdmin(SecurityDao dao, SecurityDirectory directory, PasswordHashes hashes) {
    this.dao = dao;
    this.directory = directory;
    this.hashes = hashes;
  }

  /** An authenticator's user; {@code credentials} null until a password is set. */
  public record AuthenticatorUser(String name, PasswordHashes.Described credentials) {}

  /** A role's permission as Druid lists it. */
  public record RolePermission(Permission resourceAction, String resourceNamePattern) {
    static RolePermission of(Permission p) {
      return new RolePermission(p, p.resource().name());
    }
  }

  /** A role; {@code users} and {@code groups} only in the full view. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Role(String name, List<String> users, List<String> groups, List<RolePermission> permissions) {}

  /** A role with its permissions as given ({@code simplifyPermissions}); {@code users} null but in the full view. */
  public record SimpleRole(String name, @JsonInclude(JsonInclude.Include.ALWAYS) List<String> users,
      List<Permission> permissions) {}

  public record AuthorizerUser(String name, List<String> roles) {}

  public record FullAuthorizerUser(String name, List<Object> roles) {}

  // --- the authenticator

  public List<String> authenticatorUsers() {
    return List.copyOf(directory.current().passwordHashes().keySet());
  }

  public AuthenticatorUser authenticatorUser(String user) {
    Optional<String> hash = directory.current().passwordHashes().get(user);
    if (hash == null) {
      throw noUser(user);
    }
    return new AuthenticatorUser(user, hash.map(PasswordHashes::describe).orElse(null));
  }

  public void createAuthenticatorUser(String user) {
    reloadIf(dao.change(d -> d.insertUser(user)), () -> exists("User", user));
  }

  public void deleteAuthenticatorUser(String user) {
    reloadIf(dao.change(d -> d.removeUser(user)), () -> noUser(user));
  }

  public void setPassword(String user, String password) {
    if (password == null) {
      throw new AdminRefusal("Cannot assign null password.");
    }
    if (password.isEmpty()) {
      throw new AdminRefusal("Cannot assign empty password.");
    }
    String hash;
    try {
      hash = hashes.hash(password);
    } catch (IllegalArgumentException e) {
      throw new AdminRefusal("Cannot assign password: " + e.getMessage() + ".");
    }
    reloadIf(dao.change(d -> d.updatePasswordHash(user, hash)), () -> noUser(user));
  }

  // --- the authorizer

  public List<String> authorizerUsers() {
    return List.copyOf(directory.current().rolesOfUser().keySet());
  }

  public AuthorizerUser authorizerUser(String user) {
    return new AuthorizerUser(user, List.copyOf(rolesOf(user)));
  }

  /** The user with each role expanded (never with the role's users). */
  public FullAuthorizerUser fullAuthorizerUser(String user, boolean simplifyPermissions) {
    return new FullAuthorizerUser(user, rolesOf(user).stream().map(r -> role(r, false, simplifyPermissions)).toList());
  }

  public void createAuthorizerUser(String user) {
    reloadIf(dao.change(d -> d.insertAuthorizerUser(user)), () -> exists("User", user));
  }

  public void deleteAuthorizerUser(String user) {
    reloadIf(dao.change(d -> d.removeAuthorizerUser(user)), () -> noUser(user));
  }

  public List<String> roles() {
    return List.copyOf(directory.current().permissionsOfRole().keySet());
  }

  /** {@code full}: with the users holding it (and Druid's empty {@code groups}, unless simplified). */
  public Object role(String role, boolean full, boolean simplifyPermissions) {
    var view = directory.current();
    List<Permission> granted = permissionsOf(role);
    List<String> users = !full ? null : view.rolesOfUser().entrySet().stream()
        .filter(e -> e.getValue().contains(role)).map(Map.Entry::getKey).toList();
    return simplifyPermissions ? new SimpleRole(role, users, granted)
        : new Role(role, users, full ? List.of() : null, granted.stream().map(RolePermission::of).toList());
  }

  public List<RolePermission> rolePermissions(String role) {
    return permissionsOf(role).stream().map(RolePermission::of).toList();
  }

  public void createRole(String role) {
    reloadIf(dao.change(d -> d.insertRole(role)), () -> exists("Role", role));
  }

  public void deleteRole(String role) {
    reloadIf(dao.change(d -> d.removeRole(role)), () -> noRole(role));
  }

  public void assignRole(String user, String role) {
    List<String> held = rolesOf(user);
    permissionsOf(role);
    reloadIf(!held.contains(role) && dao.change(d -> d.insertAssignment(user, role)),
        () -> new AdminRefusal("User [" + user + "] already has role [" + role + "]."));
  }

  public void unassignRole(String user, String role) {
    rolesOf(user);
    permissionsOf(role);
    reloadIf(dao.change(d -> d.removeAssignment(user, role)),
        () -> new AdminRefusal("User [" + user + "] does not have role [" + role + "]."));
  }

  /** Replaces the role's permissions with {@code requested} ({@code []} clears them). */
  public void setPermissions(String role, List<Permission.Requested> requested) {
    if (requested == null) {
      throw new AdminRefusal("Invalid permissions: expected a list of permissions.");
    }
    List<Permission> permissions;
    try {
      permissions = requested.stream().map(Permission::of).toList();
    } catch (IllegalArgumentException e) {
      throw new AdminRefusal(e.getMessage());
    }
    setGranted(role, permissions);
  }

  void setGranted(String role, List<Permission> permissions) {
    List<SecurityDao.Grant> grants = permissions.stream().map(p -> new SecurityDao.Grant(role, p.resource().name(),
        p.resource().type().name(), p.action().name())).toList();
    reloadIf(dao.setGrants(role, grants), () -> noRole(role));
  }

  /** Every node sees a change at its next check; this one at once. */
  private void reloadIf(boolean changed, Supplier<AdminRefusal> refusal) {
    if (!changed) {
      throw refusal.get();
    }
    directory.reload();
  }

  private List<String> rolesOf(String user) {
    List<String> roles = directory.current().rolesOfUser().get(user);
    if (roles == null) {
      throw noUser(user);
    }
    return roles;
  }

  private List<Permission> permissionsOf(String role) {
    List<Permission> granted = directory.current().permissionsOfRole().get(role);
    if (granted == null) {
      throw noRole(role);
    }
    return granted;
  }

  private static AdminRefusal exists(String kind, String name) {
    return new AdminRefusal(kind + " [" + name + "] already exists.");
  }

  private static AdminRefusal noUser(String user) {
    return new AdminRefusal("User [" + user + "] does not exist.");
  }

  private static AdminRefusal noRole(String role) {
    return new AdminRefusal("Role [" + role + "] does not exist.");
  }
}
