package dev.druidtasks.server.auth;

import java.security.Principal;
import java.util.List;

/** An authenticated caller and every permission its roles grant. */
public record Identity(String name, List<Permission> permissions) implements Principal {
  /** Everyone, when security is off. */
  public static final Identity ANYONE = new Identity("anonymous", null);

  public Identity {
    permissions = permissions == null ? null : List.copyOf(permissions);
  }

  @Override
  public String getName() {
    return name;
  }

  public boolean allows(ResourceType type, String resourceName, Action action) {
    return permissions == null || permissions.stream().anyMatch(p -> p.grants(type, resourceName, action));
  }
}
