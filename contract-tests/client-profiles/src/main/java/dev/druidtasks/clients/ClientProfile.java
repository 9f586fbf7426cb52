package dev.druidtasks.clients;

/**
 * The calls one real client makes. Shutdowns of running tasks come in {@link #finish}, after every profile's
 * {@link #run}: Druid 33 keeps the slot of a shut-down running task for minutes, so nothing may need a slot
 * after them.
 */
interface ClientProfile {
  String name();

  void run();

  void finish();
}
