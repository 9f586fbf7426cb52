package dev.druidtasks.junit;

/** When {@link DruidTasksExtension} empties the server: every task, lock, log, report and segment goes. */
public enum Reset {
  /** Before each test method. */
  PER_METHOD,
  /** Once, before the first test of the class. */
  PER_CLASS,
  /** Never: the tests keep to their own ids and data sources. */
  NEVER
}
