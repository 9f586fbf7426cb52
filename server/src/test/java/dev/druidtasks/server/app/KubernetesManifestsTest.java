package dev.druidtasks.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The manifests under {@code deploy/kubernetes}: well-formed objects, wired to each other (selectors,
 * ports, config, secrets), to the image (its user, ports, commands) and to the configuration the
 * server reads (every variable one it knows), with probes on the health endpoints and a grace period
 * that covers a worker's drain. Rendered by {@code kubectl kustomize} too where kubectl is installed.
 */
class KubernetesManifestsTest {
  private static final Path DIR = Path.of("deploy", "kubernetes");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  /** The image's user (server/pom.xml, Jib's container.user). */
  private static final int IMAGE_USER = 65532;
  private static final Map<String, JsonNode> BY_NAME = new TreeMap<>();
  private static final List<JsonNode> DOCS = new ArrayList<>();

  @BeforeAll
  static void read() throws IOException {
    for (String file : resources()) {
      try (YAMLParser p = new YAMLFactory().createParser(DIR.resolve(file).toFile())) {
        YAML.readValues(p, JsonNode.class).forEachRemaining(d -> {
          DOCS.add(d);
          BY_NAME.put(d.path("kind").asText() + "/" + d.at("/metadata/name").asText(), d);
        });
      }
    }
  }

  private static List<String> resources() throws IOException {
    JsonNode k = YAML.readTree(DIR.resolve("kustomization.yaml").toFile());
    List<String> out = new ArrayList<>();
    k.get("resources").forEach(r -> out.add(r.asText()));
    return out;
  }

  private static JsonNode get(String kindAndName) {
    assertThat(BY_NAME).containsKey(kindAndName);
    return BY_NAME.get(kindAndName);
  }

  @Test
  void kustomizationListsEveryManifestAndEachIsAnObject() throws IOException {
    Set<String> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = new HashSet<>(s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml")).toList());
    }
    assertThat(resources()).containsExactlyInAnyOrderElementsOf(files);
    assertThat(DOCS).isNotEmpty().allSatisfy(d -> {
      assertThat(d.path("apiVersion").asText()).as(d.toString()).isNotEmpty();
      assertThat(d.path("kind").asText()).as(d.toString()).isNotEmpty();
      assertThat(d.at("/metadata/name").asText()).as(d.toString()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    });
    assertThat(BY_NAME).containsOnlyKeys("ConfigMap/druid-tasks-config", "Deployment/druid-tasks-api",
        "Service/druid-tasks", "PodDisruptionBudget/druid-tasks-api", "Deployment/druid-tasks-worker");
  }

  @Test
  void apiNodesRunServeWithoutAWorkerAndWorkersRunWorker() {
    JsonNode api = container(get("Deployment/druid-tasks-api"));
    assertThat(api.get("args")).containsExactly(YAML.getNodeFactory().textNode("serve"));
    assertThat(env(api)).containsEntry("DRUID_TASKS_CAPACITY", "0");
    JsonNode worker = container(get("Deployment/druid-tasks-worker"));
    assertThat(worker.get("args")).containsExactly(YAML.getNodeFactory().textNode("worker"));
    assertThat(Integer.parseInt(env(worker).get("DRUID_TASKS_CAPACITY"))).isPositive();
    assertThat(get("Deployment/druid-tasks-api").at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void deploymentsSelectTheirPodsRunTheImageAsItsNonRootUserWithProbesOnTheHealthEndpoints() {
    for (String name : List.of("Deployment/druid-tasks-api", "Deployment/druid-tasks-worker")) {
      JsonNode d = get(name);
      assertThat(d.path("apiVersion").asText()).isEqualTo("apps/v1");
      assertThat(labels(d.at("/spec/template/metadata/labels"))).as(name)
          .containsAllEntriesOf(labels(d.at("/spec/selector/matchLabels")));
      JsonNode pod = d.at("/spec/template/spec");
      assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(name).isTrue();
      assertThat(pod.at("/securityContext/runAsUser").asInt()).as(name).isEqualTo(IMAGE_USER);
      JsonNode c = container(d);
      assertThat(c.path("image").asText()).as(name).startsWith("druid-tasks:");
      assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).as(name).isFalse();
      Map<String, Integer> ports = new TreeMap<>();
      c.get("ports").forEach(p -> ports.put(p.get("name").asText(), p.get("containerPort").asInt()));
      // the image's defaults (druid-tasks.yml): the API on 8888, the admin endpoints on 8889
      assertThat(ports).containsEntry("http", 8888).containsEntry("admin", 8889);
      assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/status/health");
      assertThat(c.at("/readinessProbe/httpGet/port").asText()).isEqualTo("http");
      for (String probe : List.of("livenessProbe", "startupProbe")) {
        assertThat(c.at("/" + probe + "/httpGet/path").asText()).as(name + " " + probe).isEqualTo("/ping");
        assertThat(c.at("/" + probe + "/httpGet/port").asText()).as(name + " " + probe).isEqualTo("admin");
      }
      // a read-only root: the data dir and /tmp are volumes
      Set<String> mounts = new HashSet<>();
      c.get("volumeMounts").forEach(m -> mounts.add(m.get("mountPath").asText()));
      assertThat(mounts).as(name).contains("/var/druid-tasks", "/tmp");
      Set<String> volumes = new HashSet<>();
      pod.get("volumes").forEach(v -> volumes.add(v.get("name").asText()));
      c.get("volumeMounts").forEach(m -> assertThat(volumes).contains(m.get("name").asText()));
      // the node's own address as task location and leader URL
      assertThat(c.findValues("fieldPath").stream().map(JsonNode::asText)).contains("status.podIP");
    }
  }

  @Test
  void everyVariableIsOneTheServerReadsAndTheDatabaseComesFromConfigAndSecret() throws IOException {
    String bundled = Files.readString(Path.of("server", "src", "main", "resources", "druid-tasks.yml"));
    Set<String> known = new HashSet<>(Set.of("DRUID_TASKS_CONFIG"));
    Matcher m = Pattern.compile("\\$\\{(DRUID_TASKS_\\w+):-").matcher(bundled);
    while (m.find()) {
      known.add(m.group(1));
    }
    Map<String, String> config = new TreeMap<>();
    get("ConfigMap/druid-tasks-config").get("data").fields().forEachRemaining(e -> config.put(e.getKey(),
        e.getValue().asText()));
    assertThat(known).containsAll(config.keySet());
    assertThat(config.get("DRUID_TASKS_JDBC_URL")).startsWith("jdbc:postgresql://");
    for (String name : List.of("Deployment/druid-tasks-api", "Deployment/druid-tasks-worker")) {
      JsonNode c = container(get(name));
      c.get("env").forEach(e -> assertThat(known).as(name).contains(e.get("name").asText()));
      assertThat(c.at("/envFrom/0/configMapRef/name").asText()).isEqualTo("druid-tasks-config");
      assertThat(c.findValues("secretKeyRef")).as(name + ": the password from a Secret").hasSize(1);
      assertThat(env(c)).as("no password in the manifests").doesNotContainKey("DRUID_TASKS_DB_PASSWORD");
    }
  }

  @Test
  void theServiceReachesTheApiNodesAndTheBudgetKeepsOne() {
    JsonNode service = get("Service/druid-tasks");
    JsonNode api = get("Deployment/druid-tasks-api");
    assertThat(labels(api.at("/spec/template/metadata/labels"))).containsAllEntriesOf(labels(service.at("/spec/selector")));
    assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
    JsonNode budget = get("PodDisruptionBudget/druid-tasks-api");
    assertThat(labels(budget.at("/spec/selector/matchLabels"))).isEqualTo(labels(api.at("/spec/selector/matchLabels")));
    assertThat(budget.at("/spec/minAvailable").asInt()).isPositive();
  }

  /** A worker told to stop drains for its timeout, then gives its tasks ten seconds to end: the grace period covers both. */
  @Test
  void aWorkersGracePeriodCoversItsDrain() {
    JsonNode worker = get("Deployment/druid-tasks-worker");
    String drain = env(container(worker)).get("DRUID_TASKS_DRAIN_TIMEOUT");
    assertThat(drain).as("a worker drains on SIGTERM").isNotNull();
    long drainSeconds = io.dropwizard.util.Duration.parse(drain).toSeconds();
    assertThat(drainSeconds).isPositive();
    assertThat(worker.at("/spec/template/spec/terminationGracePeriodSeconds").asLong())
        .isGreaterThanOrEqualTo(drainSeconds + 10 + 5);
  }

  @Test
  void kubectlRendersThemWhereItIsInstalled() throws Exception {
    Path kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .map(d -> Path.of(d, "kubectl")).filter(Files::isExecutable).findFirst().orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(kubectl != null, "kubectl is not installed");
    Process p = new ProcessBuilder(kubectl.toString(), "kustomize", DIR.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    List<JsonNode> rendered = new ArrayList<>();
    try (YAMLParser parser = new YAMLFactory().createParser(out)) {
      YAML.readValues(parser, JsonNode.class).forEachRemaining(rendered::add);
    }
    assertThat(rendered).hasSameSizeAs(DOCS).allSatisfy(d ->
        assertThat(d.at("/metadata/labels/app.kubernetes.io~1part-of").asText()).isEqualTo("druid-tasks"));
  }

  private static JsonNode container(JsonNode deployment) {
    JsonNode containers = deployment.at("/spec/template/spec/containers");
    assertThat(containers).hasSize(1);
    return containers.get(0);
  }

  /** The container's plain-valued variables. */
  private static Map<String, String> env(JsonNode container) {
    Map<String, String> out = new TreeMap<>();
    container.get("env").forEach(e -> {
      if (e.has("value")) {
        out.put(e.get("name").asText(), e.get("value").asText());
      }
    });
    return out;
  }

  private static Map<String, String> labels(JsonNode labels) {
    Map<String, String> out = new TreeMap<>();
    if (labels instanceof ObjectNode o) {
      o.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }
}
