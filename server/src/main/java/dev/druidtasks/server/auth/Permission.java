package dev.druidtasks.server.auth;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One grant of a role, in Druid's shape {@code {"resource": {"name": "A", "type": "DATASOURCE"}, "action": "READ"}}:
 * the name is a regular expression that must match the whole resource name.
 */
public record Permission(Resource resource, Action action, @JsonIgnore Pattern namePattern) {
  public record Resource(String name, ResourceType type) {}

  /** A permission as an admin request gives it, checked by {@link #of}. */
  public record Requested(RequestedResource resource, String action) {}

  public record RequestedResource(String name, String type) {}

  public Permission {
    try {
      namePattern = Pattern.compile(resource.name());
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("Invalid permission, resource name regex[" + resource.name()
          + "] does not compile.");
    }
  }

  /** Druid's rules: a name that compiles as a regular expression; the action in any case. */
  static Permission of(Requested r) {
    if (r == null || r.resource() == null || r.resource().name() == null || r.resource().type() == null
        || r.action() == null) {
      throw new IllegalArgumentException("Invalid permission: each needs [resource.name], [resource.type] and [action].");
    }
    ResourceType type;
    Action action;
    try {
      type = ResourceType.valueOf(r.resource().type());
      action = Action.valueOf(r.action().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid permission: resource type [" + r.resource().type() + "] must be one of "
          + java.util.Arrays.toString(ResourceType.values()) + " and action [" + r.action() + "] READ or WRITE.");
    }
    return new Permission(new Resource(r.resource().name(), type), action, null);
  }

  public Permission(String name, ResourceType type, Action action) {
    this(new Resource(name, type), action, null);
  }

  boolean grants(ResourceType type, String name, Action wanted) {
    return action == wanted && resource.type() == type && namePattern.matcher(name).matches();
  }
}
