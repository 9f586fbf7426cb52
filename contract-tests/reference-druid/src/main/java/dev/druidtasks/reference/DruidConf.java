package dev.druidtasks.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes the reference Druid's configuration directories (one per service, plus {@code _common}) into the work dir. */
final class DruidConf {
  private static final String ROOT = "/dev/druidtasks/reference/conf/";
  private static final String COMMON = "_common/common.runtime.properties";
  /** Appended to {@link #COMMON} by a secured start. */
  private static final String SECURITY = "_common/basic-security.properties";
  private static final List<String> FILES = List.of(
      COMMON,
      "_common/log4j2.xml",
      "coordinator-overlord/runtime.properties",
      "middleManager/runtime.properties");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");

  private DruidConf() {}

  static Path confDir(Path workDir) {
    return workDir.resolve("conf");
  }

  /** The config templates with every placeholder filled; an unknown placeholder is a bug here, so it throws. */
  static void write(ReferenceDruidConfig config) {
    Map<String, String> values = new HashMap<>(config.ports().placeholders());
    values.put("workDir", config.workDir().toString());
    values.put("workerCapacity", Integer.toString(config.workerCapacity()));
    values.put("extensionsLoadList", config.security().isPresent() ? "[\"" + BasicSecurity.EXTENSION + "\"]" : "[]");
    config.security().ifPresent(s -> values.putAll(s.placeholders(config.extensionsDir())));
    for (String file : FILES) {
      String text = fill(read(file), values);
      if (file.equals(COMMON) && config.security().isPresent()) {
        text += fill(read(SECURITY), values);
      }
      Path target = confDir(config.workDir()).resolve(file);
      try {
        Files.createDirectories(target.getParent());
        Files.writeString(target, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("no value for ${" + m.group(1) + "} in the reference Druid's configuration");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String read(String file) {
    try (InputStream in = DruidConf.class.getResourceAsStream(ROOT + file)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + ROOT + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
