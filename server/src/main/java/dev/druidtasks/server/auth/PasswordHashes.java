package dev.druidtasks.server.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.IllegalBCryptFormatException;
import java.util.Base64;
import java.nio.charset.StandardCharsets;

/** Salted, deliberately slow password hashes (bcrypt). */
record PasswordHashes(int cost) {
  /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
  static final int MAX_PASSWORD_BYTES = 72;

  String hash(String password) {
    byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_PASSWORD_BYTES) {
      throw new IllegalArgumentException("a password may be at most " + MAX_PASSWORD_BYTES + " bytes long");
    }
    return new String(BCrypt.withDefaults().hash(cost, bytes), StandardCharsets.UTF_8);
  }

  /** A stored hash in the shape Druid shows credentials: base64 salt and hash, and the rounds (2^cost). */
  record Described(String salt, String hash, long iterations) {}

  static Described describe(String hash) {
    try {
      BCrypt.HashData data = BCrypt.Version.VERSION_2A.parser.parse(hash.getBytes(StandardCharsets.UTF_8));
      return new Described(Base64.getEncoder().encodeToString(data.rawSalt),
          Base64.getEncoder().encodeToString(data.rawHash), 1L << data.cost);
    } catch (IllegalBCryptFormatException e) {
      throw new IllegalStateException("a stored password hash is not bcrypt", e);
    }
  }

  static boolean matches(String password, String hash) {
    byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
    return bytes.length <= MAX_PASSWORD_BYTES
        && BCrypt.verifyer().verify(bytes, hash.getBytes(StandardCharsets.UTF_8)).verified;
  }
}
