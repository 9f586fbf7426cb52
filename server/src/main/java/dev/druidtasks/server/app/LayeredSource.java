package dev.druidtasks.server.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.ResourceConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.setup.Bootstrap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sourceforge.argparse4j.inf.Argument;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.apache.commons.text.StringSubstitutor;

/**
 * The bundled {@value #BUNDLED}, with an explicit file layered over it (objects merged key by key).
 * A bundled {@code ${VARIABLE:-default}} whose variable is set (a flag or the environment) stays in
 * force over the file, so flags and environment win over the file as well.
 */
final class LayeredSource implements ConfigurationSourceProvider {
  static final String BUNDLED = "druid-tasks.yml";
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+):-.*}");

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final Predicate<String> isSet;

  LayeredSource(Predicate<String> isSet) {
    this.isSet = isSet;
    yaml.configOverride(ArrayNode.class).setMergeable(false); // a list in the file replaces the bundled one
  }

  /**
   * Makes {@code bootstrap} read the bundled configuration (with a {@code --config} file, or the one
   * {@code DRUID_TASKS_CONFIG} names, layered over it) and fill its variables from the command's flags,
   * else the environment, else {@code defaults} (null: the bundled default).
   */
  @SuppressWarnings("unchecked")
  static void install(Bootstrap<?> bootstrap, Namespace ns, Function<String, String> env,
      Function<String, String> defaults) {
    Function<String, String> given = name -> ns.get(name) != null ? ns.get(name).toString() : env.apply(name);
    Function<String, String> value = name -> given.apply(name) != null ? given.apply(name) : defaults.apply(name);
    String file = ns.getString("file") != null ? ns.getString("file") : env.apply("DRUID_TASKS_CONFIG");
    ns.getAttrs().put("file", file != null ? file : BUNDLED);
    ((Bootstrap<DruidTasksConfiguration>) bootstrap).setConfigurationSourceProvider(new SubstitutingSourceProvider(
        new LayeredSource(name -> given.apply(name) != null), new StringSubstitutor(value::apply)));
  }

  /**
   * The flags every command reads its database by ({@code --data-dir} helped by {@code dataDirHelp}), and
   * {@code --config}; each stands for its variable of the bundled configuration.
   */
  static void databaseFlags(Subparser p, String dataDirHelp) {
    p.addArgument("--config").dest("file").help("a Dropwizard YAML configuration file (optional)");
    flag(p, "--data-dir", "DATA_DIR", dataDirHelp);
    flag(p, "--jdbc-url", "JDBC_URL", "an external PostgreSQL, e.g. jdbc:postgresql://host:5432/druid; then no"
        + " embedded database starts");
    flag(p, "--db-user", "DB_USER", "user of the external PostgreSQL");
    flag(p, "--db-password", "DB_PASSWORD", "password of the external PostgreSQL");
  }

  /** A flag whose value stands for the variable {@code DRUID_TASKS_<variable>} of the bundled configuration. */
  static Argument flag(Subparser p, String name, String variable, String help) {
    return p.addArgument(name).dest("DRUID_TASKS_" + variable).help(help);
  }

  @Override
  public InputStream open(String path) throws IOException {
    InputStream bundled = new ResourceConfigurationSourceProvider().open(BUNDLED);
    if (BUNDLED.equals(path)) {
      return bundled;
    }
    JsonNode defaults = yaml.readTree(bundled);
    JsonNode file = yaml.readTree(new FileConfigurationSourceProvider().open(path));
    // objects merged key by key, at every depth
    JsonNode merged = file == null || file.isMissingNode() ? defaults.deepCopy()
        : yaml.readerForUpdating(defaults.deepCopy()).readValue(file);
    keepSetVariables(defaults, merged);
    return new ByteArrayInputStream(yaml.writeValueAsBytes(merged));
  }

  private void keepSetVariables(JsonNode defaults, JsonNode target) {
    if (defaults instanceof ObjectNode d && target instanceof ObjectNode t) {
      d.fields().forEachRemaining(e -> keep(e.getValue(), t.get(e.getKey()), v -> t.set(e.getKey(), v)));
    } else if (defaults instanceof ArrayNode d && target instanceof ArrayNode t) {
      for (int i = 0; i < Math.min(d.size(), t.size()); i++) {
        int at = i;
        keep(d.get(i), t.get(i), v -> t.set(at, v));
      }
    }
  }

  private void keep(JsonNode bundled, JsonNode current, java.util.function.Consumer<JsonNode> set) {
    Matcher m = VARIABLE.matcher(bundled.asText());
    if (bundled.isTextual() && m.matches() && isSet.test(m.group(1))) {
      set.accept(bundled);
    } else if (current != null) {
      keepSetVariables(bundled, current);
    }
  }
}
