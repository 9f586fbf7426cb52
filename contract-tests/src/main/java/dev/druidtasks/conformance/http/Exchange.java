package dev.druidtasks.conformance.http;

import java.net.URI;
import java.time.Duration;

/** A request sent to a target and the answer it got. */
public record Exchange(URI base, ApiRequest request, ApiResponse response, Duration elapsed, String user) {

  /** A curl command that sends the same request (the password is left for the reader to fill in). */
  public String curl() {
    return CurlCommand.of(base, request, user);
  }

  public int status() {
    return response.status();
  }

  @Override
  public String toString() {
    return request.method() + " " + request.target() + " -> " + response.status();
  }
}
