package dev.druidtasks.clients;

/**
 * One call of a client profile.
 *
 * @param profile the client whose call it is
 * @param call the client method and its arguments, as a caller writes them
 * @param request the HTTP request it makes
 * @param outcome how it went
 * @param detail what was seen (the answer, or why it failed)
 * @param millis how long the call took
 */
public record CallResult(String profile, String call, String request, CallOutcome outcome, String detail, long millis) {}
