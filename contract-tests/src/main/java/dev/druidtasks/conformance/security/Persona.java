package dev.druidtasks.conformance.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A caller of the permission matrix: its credentials, and what its roles grant. */
public enum Persona {
  ANONYMOUS(null, null), WRONG_PASSWORD("admin", "not-the-password"), UNKNOWN_USER("nobody", "whatever1"),
  READER_A("matrixReaderA", "readerA-pw"), WRITER_A("matrixWriterA", "writerA-pw"),
  READER_B("matrixReaderB", "readerB-pw"), STATE_READER("matrixStateReader", "stateReader-pw"), ADMIN("admin", null);

  final String user;
  final String password;

  Persona(String user, String password) {
    this.user = user;
    this.password = password;
  }

  /** The {@code Authorization} header, or null for anonymous; the admin's password is the target's. */
  String authorization(String adminPassword) {
    if (user == null) {
      return null;
    }
    String secret = user + ":" + (this == ADMIN ? adminPassword : password);
    return "Basic " + Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
  }

  /** The personas set up through the admin API, with the permissions of their one role (JSON). */
  static String permissionsOf(Persona p) {
    return switch (p) {
      case READER_A -> "[" + ds("A", "READ") + "]";
      case WRITER_A -> "[" + ds("A", "READ") + "," + ds("A", "WRITE") + "]";
      case READER_B -> "[" + ds("B", "READ") + "]";
      case STATE_READER -> "[{\"resource\":{\"name\":\".*\",\"type\":\"STATE\"},\"action\":\"READ\"}]";
      default -> null;
    };
  }

  private static String ds(String name, String action) {
    return "{\"resource\":{\"name\":\"" + name + "\",\"type\":\"DATASOURCE\"},\"action\":\"" + action + "\"}";
  }
}
