package dev.druidtasks.server.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The tasks page at {@code /console} (and {@code /}, which leads there): static files over the Tasks API. */
@Path("/")
public final class ConsoleResource {
  private static final ConsoleAsset PAGE = ConsoleAsset.ofConsole("index.html");
  private static final Map<String, ConsoleAsset> ASSETS = Stream.of("console.js", "common.js", "task-table.js",
      "task-detail.js", "why-it-waits.js", "console.css").collect(Collectors.toMap(f -> f, ConsoleAsset::ofConsole));

  @GET
  public Response consoleRoot() {
    return Response.seeOther(URI.create("/console")).build();
  }

  @GET
  @Path("console")
  public Response consolePage() {
    return PAGE.response();
  }

  @GET
  @Path("console/{file}")
  public Response consoleAsset(@PathParam("file") String file) {
    return ConsoleAsset.serve(ASSETS, file);
  }
}
