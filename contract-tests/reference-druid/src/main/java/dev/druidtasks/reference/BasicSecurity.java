package dev.druidtasks.reference;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A secured start: the {@code druid-basic-security} extension with one authenticator and one
 * authorizer, both named {@code basic}, users kept in the metadata store, and the escalator that
 * lets Druid's own services call each other as {@code druid_system}.
 *
 * @param adminPassword initial password of Druid's {@code admin} user (admin role: everything)
 * @param internalClientPassword initial password of {@code druid_system}, the escalator's user
 * @param inputSourceSecurity Druid's {@code druid.auth.enableInputSourceSecurity}: submitting a task
 *     that reads an input source also needs READ on the {@code EXTERNAL} resource of its type
 */
public record BasicSecurity(String adminPassword, String internalClientPassword, boolean inputSourceSecurity) {
  /** Druid's names: the authenticator, the authorizer and the escalator's authorizer are all this. */
  public static final String NAME = "basic";
  public static final String ADMIN = "admin";
  public static final String INTERNAL_CLIENT = "druid_system";
  /** The extension's folder under Druid's extensions directory. */
  static final String EXTENSION = "druid-basic-security";

  /**
   * Druid reads a property's value as JSON when it parses as JSON and as text otherwise, and a
   * properties file gives backslashes and leading blanks a meaning: a password that no layer rewrites.
   */
  private static final Pattern PLAIN = Pattern.compile("(?=.*[A-Za-z])[!#-Z^-z|~]+");

  public BasicSecurity {
    check("admin password", adminPassword);
    check("internal client password", internalClientPassword);
  }

  /** The admin's password given, the internal client's derived from it, input sources unchecked. */
  public static BasicSecurity withAdminPassword(String adminPassword) {
    return new BasicSecurity(adminPassword, "internal-" + adminPassword, false);
  }

  public BasicSecurity withInternalClientPassword(String password) {
    return new BasicSecurity(adminPassword, password, inputSourceSecurity);
  }

  public BasicSecurity withInputSourceSecurity(boolean on) {
    return new BasicSecurity(adminPassword, internalClientPassword, on);
  }

  /** The {@code Authorization} header value of the admin user. */
  public String adminAuthorization() {
    return authorization(ADMIN, adminPassword);
  }

  /** The {@code Authorization} header value of HTTP Basic for any user. */
  public static String authorization(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Placeholders of the {@code basic-security.properties} template. */
  Map<String, String> placeholders(Path extensionsDir) {
    return Map.of(
        "extensionsDir", extensionsDir.toString(),
        "adminPassword", adminPassword,
        "internalClientPassword", internalClientPassword,
        "inputSourceSecurity", Boolean.toString(inputSourceSecurity));
  }

  private static void check(String what, String password) {
    if (password == null || !PLAIN.matcher(password).matches()) {
      throw new IllegalArgumentException("the " + what + " must be printable ASCII with at least one letter and "
          + "no blank, backslash, quote, bracket or brace");
    }
  }
}
