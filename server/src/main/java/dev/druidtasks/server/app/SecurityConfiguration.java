package dev.druidtasks.server.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.druidtasks.server.auth.Security;
import io.dropwizard.util.Duration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code auth}: {@code none} (everyone may do everything) or {@code basic} (Druid's basic security,
 * with the initial password of {@code admin} given directly or in a file).
 */
public final class SecurityConfiguration {
  @JsonProperty private String type = "none";
  @JsonProperty private String adminPassword = "";
  @JsonProperty private String adminPasswordFile = "";
  @JsonProperty private String authenticatorName = "basic";
  @JsonProperty private String authorizerName = "basic";
  @JsonProperty private boolean inputSourceSecurity = true;
  /** Failed logins of one user one client may make at once, then one per {@code failedLoginRefill}. */
  @JsonProperty private int failedLoginBurst = 10;
  @JsonProperty private Duration failedLoginRefill = Duration.seconds(1);

  public boolean enabled() {
    return switch (type) {
      case "none" -> false;
      case "basic" -> true;
      default -> throw new IllegalArgumentException("--auth must be none or basic, got [" + type + "]");
    };
  }

  /** How the authenticator and the authorizer are set up. */
  public Security.Settings settings() {
    if (failedLoginBurst < 1) {
      throw new IllegalArgumentException("auth.failedLoginBurst must be at least 1, got " + failedLoginBurst);
    }
    return Security.Settings.of(authenticatorName, authorizerName, inputSourceSecurity, failedLoginBurst,
        failedLoginRefill.toJavaDuration());
  }

  /** The initial password of {@code admin}: the file's first line when a file is given. */
  public String initialAdminPassword() throws IOException {
    String password = adminPassword;
    if (!adminPasswordFile.isEmpty()) {
      String text = Files.readString(Path.of(adminPasswordFile), StandardCharsets.UTF_8);
      password = text.lines().findFirst().orElse("");
    }
    if (password.isEmpty()) {
      throw new IllegalArgumentException("--auth basic needs the initial password of admin: --admin-password,"
          + " DRUID_TASKS_ADMIN_PASSWORD or --admin-password-file");
    }
    return password;
  }
}
