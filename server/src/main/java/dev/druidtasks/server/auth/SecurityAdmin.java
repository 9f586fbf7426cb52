package dev.druidtasks.server.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.druidtasks.server.store.SecurityDao;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What Druid's basic-security admin API does: users and credentials of the authenticator; users, roles,
 * role assignments and permissions of the authorizer. Views are in Druid's shapes.
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

  /** A role's permission as Druid lists it. */
  public record RolePermission(Permission resourceAction, String resourceNamePattern) {
    static RolePermission of(Permission p) {
      return new RolePermission(p, p.resource().name());
    }
  }

  /** A role; {@code users} only in the full view of a role itself. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Role(String name, List<String> users, List<?> permissions) {}

  public record AuthorizerUser(String name, List<String> roles) {}

  public record FullAuthorizerUser(String name, List<Role> roles) {}

  // --- the authenticator

  public List<String> authenticatorUsers() {
    return List.copyOf(directory.current().passwordHashes().keySet());
  }

  /** Whether the user exists and has credentials set. */
  public boolean hasCredentials(String user) throws AdminRefusal {
    var hash = directory.current().passwordHashes().get(user);
    if (hash == null) {
      throw noUser(user);
    }
    return hash.isPresent();
  }

  public void createAuthenticatorUser(String user) throws AdminRefusal {
    if (!dao.addUser(user)) {
      throw new AdminRefusal("User [" + user + "] already exists.");
    }
    directory.reload();
  }

  public void deleteAuthenticatorUser(String user) throws AdminRefusal {
    if (!dao.deleteUser(user)) {
      throw noUser(user);
    }
    directory.reload();
  }

  public void setPassword(String user, String password) throws AdminRefusal {
    if (password == null || password.isEmpty()) {
      throw new AdminRefusal("Password must be a non-empty string.");
    }
    String hash;
    try {
      hash = hashes.hash(password);
    } catch (IllegalArgumentException e) {
      throw new AdminRefusal("Password is too long: " + e.getMessage() + ".");
    }
    if (!dao.setPasswordHash(user, hash)) {
      throw noUser(user);
    }
    directory.reload();
  }

  // --- the authorizer

  public List<String> authorizerUsers() {
    return List.copyOf(directory.current().rolesOfUser().keySet());
  }

  public AuthorizerUser authorizerUser(String user) throws AdminRefusal {
    return new AuthorizerUser(user, List.copyOf(rolesOf(user)));
  }

  public FullAuthorizerUser fullAuthorizerUser(String user, boolean simplifyPermissions) throws AdminRefusal {
    var view = directory.current();
    List<Role> roles = new ArrayList<>();
    for (String r : rolesOf(user)) {
      roles.add(new Role(r, null, permissions(view.permissionsOfRole().get(r), simplifyPermissions)));
    }
    return new FullAuthorizerUser(user, roles);
  }

  public void createAuthorizerUser(String user) throws AdminRefusal {
    if (!dao.addAuthorizerUser(user)) {
      throw new AdminRefusal("User [" + user + "] already exists.");
    }
    directory.reload();
  }

  public void deleteAuthorizerUser(String user) throws AdminRefusal {
    if (!dao.deleteAuthorizerUser(user)) {
      throw noUser(user);
    }
    directory.reload();
  }

  public List<String> roles() {
    return List.copyOf(directory.current().permissionsOfRole().keySet());
  }

  /** {@code full}: with the users holding it. */
  public Role role(String role, boolean full, boolean simplifyPermissions) throws AdminRefusal {
    var view = directory.current();
    List<Permission> granted = view.permissionsOfRole().get(role);
    if (granted == null) {
      throw noRole(role);
    }
    List<String> users = !full ? null : view.rolesOfUser().entrySet().stream()
        .filter(e -> e.getValue().contains(role)).map(Map.Entry::getKey).toList();
    return new Role(role, users, permissions(granted, simplifyPermissions));
  }

  public void createRole(String role) throws AdminRefusal {
    if (!dao.addRole(role)) {
      throw new AdminRefusal("Role [" + role + "] already exists.");
    }
    directory.reload();
  }

  public void deleteRole(String role) throws AdminRefusal {
    if (!dao.deleteRole(role)) {
      throw noRole(role);
    }
    directory.reload();
  }

  public void assignRole(String user, String role) throws AdminRefusal {
    List<String> held = rolesOf(user);
    role(role, false, true);
    if (held.contains(role) || !dao.assign(user, role)) {
      throw new AdminRefusal("User [" + user + "] already has role [" + role + "].");
    }
    directory.reload();
  }

  public void unassignRole(String user, String role) throws AdminRefusal {
    rolesOf(user);
    role(role, false, true);
    if (!dao.unassign(user, role)) {
      throw new AdminRefusal("User [" + user + "] does not have role [" + role + "].");
    }
    directory.reload();
  }

  public void setPermissions(String role, List<Permission> permissions) throws AdminRefusal {
    List<SecurityDao.Grant> grants = permissions.stream().map(p -> new SecurityDao.Grant(role, p.resource().name(),
        p.resource().type().name(), p.action().name())).toList();
    if (!dao.setGrants(role, grants)) {
      throw noRole(role);
    }
    directory.reload();
  }

  private List<String> rolesOf(String user) throws AdminRefusal {
    List<String> roles = directory.current().rolesOfUser().get(user);
    if (roles == null) {
      throw noUser(user);
    }
    return roles;
  }

  private static List<?> permissions(List<Permission> granted, boolean simplify) {
    return simplify ? granted : granted.stream().map(RolePermission::of).toList();
  }

  private static AdminRefusal noUser(String user) {
    return new AdminRefusal("User [" + user + "] does not exist.");
  }

  private static AdminRefusal noRole(String role) {
    return new AdminRefusal("Role [" + role + "] does not exist.");
  }
}
