package dev.druidtasks.server.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The API's OpenAPI document, as the api-spec jar carries it, at {@code /openapi.yaml}, and Swagger UI
 * over it at {@code /docs}, from its webjar: nothing is fetched from elsewhere.
 */
@Path("/")
public final class DocsResource {
  private static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/";
  private static final ConsoleAsset DOCUMENT = ConsoleAsset.of("tasks-api.yaml");
  private static final ConsoleAsset PAGE = ConsoleAsset.ofConsole("docs.html");

  private final Map<String, ConsoleAsset> assets;

  public DocsResource() {
    String ui = SWAGGER_UI + webjarVersion() + "/";
    assets = Map.of(
        "swagger-ui.css", ConsoleAsset.of(ui + "swagger-ui.css"),
        "swagger-ui-bundle.js", ConsoleAsset.of(ui + "swagger-ui-bundle.js"),
        "favicon-32x32.png", ConsoleAsset.of(ui + "favicon-32x32.png"),
        "docs.js", ConsoleAsset.ofConsole("docs.js"));
  }

  @GET
  @Path("openapi.yaml")
  public Response openApiDocument() {
    return DOCUMENT.response();
  }

  @GET
  @Path("docs")
  public Response docsPage() {
    return PAGE.response();
  }

  @GET
  @Path("docs/{file}")
  public Response docsAsset(@PathParam("file") String file) {
    return ConsoleAsset.serve(assets, file);
  }

  /** The webjar's files sit under its version. */
  private static String webjarVersion() {
    try (InputStream in = DocsResource.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
