package dev.druidtasks.server.api;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * A file of the tasks page or the API docs, read from the classpath. Only files named in a resource's
 * table are served, so no request path ever reaches the class loader.
 */
record ConsoleAsset(String classpathName, String mediaType) {
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8", "png", "image/png", "svg", "image/svg+xml",
      "yaml", "application/yaml; charset=utf-8");

  /** The file under {@code console/} of this jar's resources. */
  static ConsoleAsset ofConsole(String file) {
    return of("console/" + file);
  }

  static ConsoleAsset of(String classpathName) {
    String ext = classpathName.substring(classpathName.lastIndexOf('.') + 1);
    return new ConsoleAsset(classpathName, TYPES.getOrDefault(ext, "application/octet-stream"));
  }

  /** The file, or the API's 404 when the jar lacks it. */
  Response response() {
    InputStream in = ConsoleAsset.class.getClassLoader().getResourceAsStream(classpathName);
    if (in == null) {
      return notFound();
    }
    CacheControl revalidate = new CacheControl();
    revalidate.setNoCache(true); // small files that change with each build
    return Response.ok(in, mediaType).cacheControl(revalidate)
        .header("X-Content-Type-Options", "nosniff").build();
  }

  /** The response for a name missing from a table. */
  static Response serve(Map<String, ConsoleAsset> table, String name) {
    return Optional.ofNullable(table.get(name)).map(ConsoleAsset::response).orElseGet(ConsoleAsset::notFound);
  }

  private static Response notFound() {
    return ErrorBody.json(404, "notFound", "NOT_FOUND", "Not found: no such resource"); // as any unknown path
  }
}
