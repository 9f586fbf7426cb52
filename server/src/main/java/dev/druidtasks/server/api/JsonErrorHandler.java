package dev.druidtasks.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a request it cannot parse, an illegal URI, a version it does not
 * speak) in the API's JSON error body instead of an HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {
  private final ObjectMapper json;

  public JsonErrorHandler(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    if (code == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
      // a request line without a version: a line break inside the path, most likely; the client's fault
      code = HttpStatus.BAD_REQUEST_400;
      message = "The request line has no HTTP version (a raw line break in the path?): " + message;
      response.setStatus(code);
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    // Jetty ends the connection after its own errors (the request may be unread): say so, or clients reuse it
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.write(true, ByteBuffer.wrap(bytes(code, message)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    fields.put(HttpHeader.CONNECTION, "close");
    return ByteBuffer.wrap(bytes(status, reason));
  }

  private byte[] bytes(int code, String message) {
    String text = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
    try {
      return json.writeValueAsBytes(ErrorBody.of("http" + code, code < 500 ? "INVALID_INPUT" : "RUNTIME_FAILURE",
          "HTTP " + code + ": " + text));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
