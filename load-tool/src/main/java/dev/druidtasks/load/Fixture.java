package dev.druidtasks.load;

import java.util.List;

/**
 * What the setup phase found or made, and every request is built from: this run's id prefix, the
 * ids polled, the ids of each bulk status request, the data source listed.
 */
record Fixture(
    TaskApi api,
    String runId,
    String submitDataSource,
    long runTimeMs,
    List<String> pollIds,
    List<String> bulkIds,
    String dataSource,
    int tasksCreated) {

  /** The id of the noop client {@code client} submits as its request {@code seq}: unique per run. */
  String submittedId(int client, long seq) {
    return runId + "-c" + client + "-" + seq;
  }
}
