package dev.druidtasks.conformance.spec;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.druidtasks.conformance.http.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Tasks API's OpenAPI document, used to validate every answer the suite gets. */
public final class OpenApiDocument {
  /** Where the api-spec module puts the document on the classpath. */
  public static final String CLASSPATH_RESOURCE = "/tasks-api.yaml";

  private final String source;
  private final OpenApiInteractionValidator validator;

  private OpenApiDocument(String source, String yaml) {
    if (!yaml.contains("/druid/indexer/v1/tasks")) {
      throw new IllegalStateException(source + " does not describe the Tasks API (no /druid/indexer/v1/tasks path)");
    }
    this.source = source;
    // An empty body is a valid text/plain answer (a log read past its end); cases check bodies themselves.
    this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(yaml)
        .withLevelResolver(LevelResolver.create()
            .withLevel("validation.response.body.missing", ValidationReport.Level.IGNORE)
            .build())
        .build();
  }

  /** The document shipped in the api-spec jar. */
  public static OpenApiDocument fromClasspath() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no " + CLASSPATH_RESOURCE + " on the classpath (api-spec jar missing?)");
      }
      return new OpenApiDocument("classpath:" + CLASSPATH_RESOURCE,
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static OpenApiDocument fromFile(Path file) {
    try {
      return new OpenApiDocument(file.toString(), Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read OpenAPI document " + file, e);
    }
  }

  public String source() {
    return source;
  }

  /** The ways the exchange's answer breaks the document; empty when it conforms. */
  public List<String> violations(Exchange exchange) {
    var response = exchange.response();
    SimpleResponse.Builder b = SimpleResponse.Builder.status(response.status());
    String contentType = response.contentType();
    if (!contentType.isEmpty()) {
      b.withContentType(contentType);
    }
    if (response.body().length > 0) {
      b.withBody(response.text());
    }
    String path = exchange.request().path();
    Request.Method method = Request.Method.valueOf(exchange.request().method().toUpperCase(Locale.ROOT));
    ValidationReport report = validator.validateResponse(path, method, b.build());
    List<String> out = new ArrayList<>();
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() == ValidationReport.Level.ERROR) {
        out.add(m.getKey() + ": " + m.getMessage());
      }
    }
    return out;
  }
}
