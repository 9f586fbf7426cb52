package dev.druidtasks.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a user name and password. A bcrypt check costs tens of milliseconds, so a password once
 * verified is remembered, as a keyed digest, until the user's stored hash changes.
 */
public final class Authenticator {
  /** What a login attempt came to. */
  public sealed interface Login permits Accepted, Refused, Throttled {}

  public record Accepted(Identity identity) implements Login {}

  public record Refused() implements Login {}

  public record Throttled(Duration retryAfter) implements Login {}

  private record Verified(String hash, byte[] digest) {}

  private final SecurityDirectory directory;
  private final LoginThrottle throttle;
  /** A keyed digest per thread: a Mac is not thread-safe, and looking one up costs more than using it. */
  private final ThreadLocal<Mac> digests;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();
  /** Checked against when the user is unknown, so an unknown name costs what a wrong password does. */
  private final String decoyHash;

  Authenticator(SecurityDirectory directory, LoginThrottle throttle, PasswordHashes hashes) {
    this.directory = directory;
    this.throttle = throttle;
    this.decoyHash = hashes.hash(Long.toString(new SecureRandom().nextLong()));
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    SecretKeySpec digestKey = new SecretKeySpec(key, "HmacSHA256");
    this.digests = ThreadLocal.withInitial(() -> {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(digestKey);
        return mac;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
      }
    });
  }

  /** {@code client} identifies where the attempt comes from (its address), for throttling. */
  public Login login(String client, String user, String password) {
    Duration wait = throttle.waitBefore(client, user);
    if (!wait.isZero()) {
      return new Throttled(wait);
    }
    SecurityDirectory.View view = directory.current();
    Optional<String> hash = view.passwordHashes().getOrDefault(user, Optional.empty());
    if (hash.isEmpty()) {
      PasswordHashes.matches(password, decoyHash);
    } else if (matches(user, password, hash.get())) {
      throttle.succeeded(client, user);
      return new Accepted(view.identity(user));
    }
    throttle.failed(client, user);
    return new Refused();
  }

  private boolean matches(String user, String password, String hash) {
    byte[] digest = digest(password);
    Verified known = verified.get(user);
    if (known != null && known.hash().equals(hash) && MessageDigest.isEqual(known.digest(), digest)) {
      return true;
    }
    if (!PasswordHashes.matches(password, hash)) {
      return false;
    }
    verified.put(user, new Verified(hash, digest));
    return true;
  }

  private byte[] digest(String password) {
    return digests.get().doFinal(password.getBytes(StandardCharsets.UTF_8));
  }
}
