package dev.druidtasks.conformance.check;

import dev.druidtasks.conformance.http.Exchange;

/** A case's expectation was not met; {@code exchange} is the request that shows it, when there is one. */
public final class CaseFailure extends RuntimeException {
  private final transient Exchange exchange;

  public CaseFailure(String message, Exchange exchange) {
    super(message, null, false, false);
    this.exchange = exchange;
  }

  public Exchange exchange() {
    return exchange;
  }
}
