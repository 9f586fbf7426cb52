package dev.druidtasks.server.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** Salted, deliberately slow password hashes (bcrypt). */
final class PasswordHashes {
  /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
  static final int MAX_PASSWORD_BYTES = 72;
  private final int cost;

  PasswordHashes(int cost) {
    this.cost = cost;
  }

  String hash(String password) {
    byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_PASSWORD_BYTES) {
      throw new IllegalArgumentException("a password may be at most " + MAX_PASSWORD_BYTES + " bytes long");
    }
    return new String(BCrypt.withDefaults().hash(cost, bytes), StandardCharsets.UTF_8);
  }

  static boolean matches(String password, String hash) {
    byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
    return bytes.length <= MAX_PASSWORD_BYTES
        && BCrypt.verifyer().verify(bytes, hash.getBytes(StandardCharsets.UTF_8)).verified;
  }
}
