package dev.druidtasks.conformance.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.druidtasks.conformance.http.Exchange;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The checks cases make on an exchange; each throws {@link CaseFailure} naming what differed. */
public final class Expect {
  private Expect() {}

  public static void status(Exchange ex, int... allowed) {
    for (int s : allowed) {
      if (ex.status() == s) {
        return;
      }
    }
    String want = Arrays.stream(allowed).mapToObj(Integer::toString).collect(Collectors.joining(" or "));
    throw new CaseFailure("expected status " + want + ", got " + ex.status() + bodyNote(ex), ex);
  }

  public static void mediaType(Exchange ex, String mediaType) {
    if (!ex.response().mediaType().equals(mediaType)) {
      throw new CaseFailure("expected Content-Type " + mediaType + ", got '" + ex.response().contentType() + "'", ex);
    }
  }

  /** The body as JSON, sent as {@code application/json}. */
  public static JsonNode json(Exchange ex) {
    mediaType(ex, "application/json");
    return ex.response().json().orElseThrow(() -> new CaseFailure("body is not JSON" + bodyNote(ex), ex));
  }

  public static JsonNode jsonObject(Exchange ex) {
    JsonNode n = json(ex);
    that(n.isObject(), "expected a JSON object, got " + n.getNodeType(), ex);
    return n;
  }

  public static JsonNode jsonArray(Exchange ex) {
    JsonNode n = json(ex);
    that(n.isArray(), "expected a JSON array, got " + n.getNodeType(), ex);
    return n;
  }

  /** A plain-text answer exactly equal to {@code text}. */
  public static void text(Exchange ex, String text) {
    mediaType(ex, "text/plain");
    if (!ex.response().text().equals(text)) {
      throw new CaseFailure("expected the text '" + text + "'" + bodyNote(ex), ex);
    }
  }

  /**
   * A JSON error body in either of Druid's forms: {@code {"error": "…"}} or
   * {@code {"error": "druidException", "errorCode", "persona", "category", "errorMessage", "context"}}.
   * Returns the message it carries.
   */
  public static String errorBody(Exchange ex) {
    JsonNode body = jsonObject(ex);
    JsonNode error = body.get("error");
    that(error != null && error.isTextual(), "error body lacks a string 'error'" + bodyNote(ex), ex);
    if (!"druidException".equals(error.asText())) {
      return error.asText();
    }
    for (String field : List.of("errorCode", "persona", "category", "errorMessage")) {
      that(body.path(field).isTextual(), "druidException error body lacks a string '" + field + "'" + bodyNote(ex), ex);
    }
    that(body.path("context").isObject(), "druidException error body lacks a 'context' object" + bodyNote(ex), ex);
    return body.get("errorMessage").asText();
  }

  /** An error message, JSON (either form) or plain text, that contains {@code fragment} (case-insensitive). */
  public static void errorMentions(Exchange ex, String fragment) {
    String message = ex.response().mediaType().equals("application/json") ? errorBody(ex) : ex.response().text();
    that(message.toLowerCase(java.util.Locale.ROOT).contains(fragment.toLowerCase(java.util.Locale.ROOT)),
        "expected the error to mention '" + fragment + "'" + bodyNote(ex), ex);
  }

  /**
   * Druid's answer to input it fails on: a 500 with its servlet container's HTML error page, whose
   * title carries the exception text; {@code fragment} must appear in it (case-insensitive).
   */
  public static void druidErrorPage(Exchange ex, String fragment) {
    status(ex, 500);
    mediaType(ex, "text/html");
    that(ex.response().text().toLowerCase(java.util.Locale.ROOT).contains(fragment.toLowerCase(java.util.Locale.ROOT)),
        "expected Druid's error page to mention '" + fragment + "'" + bodyNote(ex), ex);
  }

  /**
   * A message answered as plain text under any content type: Druid labels some of its plain-text
   * answers {@code application/json}.
   */
  public static void plainMessage(Exchange ex, String text) {
    if (!ex.response().text().equals(text)) {
      throw new CaseFailure("expected the text '" + text + "'" + bodyNote(ex), ex);
    }
  }

  /** An error message carried either as a JSON error body (either form) or as the bare text. */
  public static String message(Exchange ex) {
    var json = ex.response().mediaType().equals("application/json") ? ex.response().json() : java.util.Optional.<JsonNode>empty();
    return json.isPresent() && json.get().isObject() ? errorBody(ex) : ex.response().text();
  }

  public static void shape(JsonShape shape, JsonNode sample, JsonNode actual, Exchange ex) {
    List<String> diffs = shape.differences(sample, actual);
    if (!diffs.isEmpty()) {
      throw new CaseFailure("shape differs from the documented sample: " + String.join("; ",
          diffs.subList(0, Math.min(diffs.size(), 8))) + (diffs.size() > 8 ? "; …" : ""), ex);
    }
  }

  public static void that(boolean condition, String message, Exchange ex) {
    if (!condition) {
      throw new CaseFailure(message, ex);
    }
  }

  public static void equal(Object expected, Object actual, String what, Exchange ex) {
    if (!java.util.Objects.equals(expected, actual)) {
      throw new CaseFailure(what + ": expected " + expected + ", got " + actual, ex);
    }
  }

  static String bodyNote(Exchange ex) {
    String text = ex.response().text();
    if (text.isEmpty()) {
      return " (empty body)";
    }
    return "; body: " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
  }
}
