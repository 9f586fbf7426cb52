package dev.druidtasks.server.app;

import com.fasterxml.jackson.annotation.JsonProperty;
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

  public boolean enabled() {
    return switch (type) {
      case "none" -> false;
      case "basic" -> true;
      default -> throw new IllegalArgumentException("--auth must be none or basic, got [" + type + "]");
    };
  }

  public String authenticatorName() {
    return authenticatorName;
  }

  public String authorizerName() {
    return authorizerName;
  }

  /** Druid's input source security: {@code local} input needs EXTERNAL READ on {@code local}. */
  public boolean inputSourceSecurity() {
    return inputSourceSecurity;
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
