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

  public Permission {
    if (resource == null || resource.name() == null || resource.type() == null || action == null) {
      throw new IllegalArgumentException("a permission needs [resource.name], [resource.type] and [action]");
    }
    try {
      namePattern = Pattern.compile(resource.name());
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("[resource.name] is not a valid regular expression: " + e.getDescription());
    }
  }

  public Permission(String name, ResourceType type, Action action) {
    this(new Resource(name, type), action, null);
  }

  boolean grants(ResourceType type, String name, Action wanted) {
    return action == wanted && resource.type() == type && namePattern.matcher(name).matches();
  }
}
