package dev.druidtasks.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Finds the directory of Druid 33's jars that the {@code druid-lib} module copies. */
public final class DruidLib {
  /** System property that names the directory explicitly. */
  public static final String PROPERTY = "druidtasks.reference.lib";

  private DruidLib() {}

  /** The property if set, else {@code druid-lib/target/lib} beside this module (found from this code's location). */
  public static Path locate() {
    String explicit = System.getProperty(PROPERTY);
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    Path module = moduleDir();
    return module.resolve("druid-lib").resolve("target").resolve("lib");
  }

  /** Fails with a clear message unless {@code dir} holds Druid's services jar. */
  static void check(Path dir) {
    boolean ok;
    try (Stream<Path> files = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
      ok = files.anyMatch(p -> p.getFileName().toString().startsWith("druid-services-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!ok) {
      throw new IllegalStateException("no Druid jars in " + dir + ": build them first with "
          + "'mvn -q -DskipTests package' at the repository root, or set -D" + PROPERTY + "=DIR");
    }
  }

  /** Fails with a clear message unless {@code extensionsDir} holds the druid-basic-security extension's jar. */
  static void checkBasicSecurity(Path extensionsDir) {
    Path dir = extensionsDir.resolve(BasicSecurity.EXTENSION);
    boolean ok;
    try (Stream<Path> files = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
      ok = files.anyMatch(p -> p.getFileName().toString().endsWith(".jar"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!ok) {
      throw new IllegalStateException("no druid-basic-security jar in " + dir + ": build the druid-lib module first "
          + "with 'mvn -q -DskipTests package' at the repository root");
    }
  }

  /** This module's directory: the parent of {@code target/} that holds these classes or this jar. */
  static Path moduleDir() {
    try {
      Path code = Path.of(DruidLib.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // target/classes or target/reference-druid.jar → the module
      return code.getParent().getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
