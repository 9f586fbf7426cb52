package dev.druidtasks.load;

import java.net.http.HttpRequest;

/**
 * One kind of request the tool sends, named as the report names it. Each builds its request from
 * what the setup found, so that every scenario is a weighting of these and nothing else.
 */
public enum Operation {
  SUBMIT("submit", "POST /task") {
    @Override
    HttpRequest request(Fixture f, int client, long seq) {
      return f.api().submitNoop(f.submittedId(client, seq), f.submitDataSource(), f.runTimeMs());
    }
  },
  /** A submission measured until the task is seen complete: its status polled from the acknowledgement on. */
  LIFECYCLE("lifecycle", "POST /task, then GET /task/{id}/status until complete") {
    @Override
    HttpRequest request(Fixture f, int client, long seq) {
      return SUBMIT.request(f, client, seq);
    }
  },
  STATUS("status", "GET /task/{id}/status") {
    @Override
    HttpRequest request(Fixture f, int client, long seq) {
      return f.api().get("/task/" + f.pollIds().get((int) ((seq * 7919 + client) % f.pollIds().size())) + "/status");
    }
  },
  TASKS("tasks", "GET /tasks") {
    @Override
    HttpRequest request(Fixture f, int client, long seq) {
      return f.api().get("/tasks");
    }
  },
  COMPLETE_TASKS("completeTasks", "GET /completeTasks?max=100") {
    @Override
    HttpRequest request(Fixture f, int client, long seq) {
      return f.api().get("/completeTasks?max=100");
    }
  },
  COMPLETE_OF_DATASOURCE("tasks-complete-datasource", "GET /tasks?state=complete&datasource=X&max=100") {
    @Override
    HttpRequest request(Fixture f, int client, long seq) {
      return f.api().get("/tasks?state=complete&datasource=" + TaskApi.query(f.dataSource()) + "&max=100");
    }
  },
  BULK_STATUS("taskStatus", "POST /taskStatus") {
    @Override
    HttpRequest request(Fixture f, int client, long seq) {
      return f.api().bulkStatus(f.bulkIds());
    }
  };

  private final String label;
  private final String endpoint;

  Operation(String label, String endpoint) {
    this.label = label;
    this.endpoint = endpoint;
  }

  /** The name in reports and in {@code --mix}. */
  public String label() {
    return label;
  }

  /** What it calls, under {@code /druid/indexer/v1}. */
  public String endpoint() {
    return endpoint;
  }

  /** Whether its measure ends when the submitted task is seen complete, not with the first answer. */
  boolean followsToCompletion() {
    return this == LIFECYCLE;
  }

  /** Whether it needs task ids known before the run starts. */
  boolean needsIds() {
    return this == STATUS || this == BULK_STATUS;
  }

  abstract HttpRequest request(Fixture f, int client, long seq);

  static Operation labelled(String label) {
    for (Operation o : values()) {
      if (o.label.equals(label)) {
        return o;
      }
    }
    throw new IllegalArgumentException("unknown operation [" + label + "]; known: "
        + java.util.Arrays.stream(values()).map(Operation::label).toList());
  }
}
