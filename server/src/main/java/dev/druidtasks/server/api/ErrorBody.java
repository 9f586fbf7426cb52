package dev.druidtasks.server.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Druid's newer JSON error body, which every JSON error of the API uses. */
public record ErrorBody(String error, String errorCode, String persona, String category, String errorMessage,
    Map<String, Object> context) {
  public static final MediaType TEXT = new MediaType("text", "plain", "utf-8");

  public static ErrorBody of(String errorCode, String category, String message) {
    return new ErrorBody("druidException", errorCode, "USER", category, message, Map.of());
  }

  public static Response json(int status, String errorCode, String category, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(of(errorCode, category, message))
        .build();
  }

  public static Response invalidInput(String message) {
    return json(400, "invalidInput", "INVALID_INPUT", message);
  }
}
