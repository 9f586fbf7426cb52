package dev.druidtasks.conformance.http;

/** Something that sends requests to the target and keeps what it needs of the exchange. */
@FunctionalInterface
public interface RequestSender {
  Exchange send(ApiRequest request);
}
