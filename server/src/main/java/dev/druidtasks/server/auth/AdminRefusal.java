package dev.druidtasks.server.auth;

/** A security admin request that cannot be done as asked, with Druid's wording of why. */
public final class AdminRefusal extends RuntimeException {
  public AdminRefusal(String message) {
    super(message, null, false, false);
  }
}
