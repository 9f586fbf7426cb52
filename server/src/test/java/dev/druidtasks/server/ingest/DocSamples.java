package dev.druidtasks.server.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The doc's samples (copied from the Tasks API page) and where its wikipedia data lives. */
final class DocSamples {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private DocSamples() {}

  static ObjectNode load(String name) throws Exception {
    try (InputStream in = DocSamples.class.getResourceAsStream(name)) {
      return (ObjectNode) MAPPER.readTree(in);
    }
  }

  /** The submit sample, with an id as the registry would have set it. */
  static ObjectNode submitRequest(String id) throws Exception {
    ObjectNode payload = load("doc-submit-request.json");
    payload.put("id", id);
    return payload;
  }

  /** {@code <repo>/quickstart/tutorial}, unpacked by the server's build. */
  static Path quickstartDir() {
    String dir = System.getProperty("druidtasks.quickstart.dir");
    Path p = dir != null ? Path.of(dir) : Path.of("../quickstart/tutorial");
    return p.toAbsolutePath().normalize();
  }

  /** The directory the doc's relative {@code baseDir} ("quickstart/tutorial/") is relative to. */
  static Path repositoryRoot() {
    Path quickstart = quickstartDir();
    if (!Files.isRegularFile(quickstart.resolve("wikiticker-2015-09-12-sampled.json.gz"))) {
      throw new IllegalStateException("The wikipedia sample is missing from " + quickstart
          + "; run `mvn -pl server test-compile` first");
    }
    return quickstart.getParent().getParent();
  }
}
