package dev.druidtasks.server.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.druidtasks.server.store.TaskReadDao;
import dev.druidtasks.server.store.TaskRecord;
import dev.druidtasks.server.task.TaskLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Predicate;

/** The small JSON answers of the Tasks API, in Druid's key order. */
final class ResponseBodies {
  private ResponseBodies() {}

  /** JSON stored as text, served as it is. */
  record RawJson(@JsonValue @JsonRawValue String json) {}

  record TaskId(String task) {}

  record TaskPayload(String task, RawJson payload) {}

  record TaskStatusPlus(String task, TaskRecord status) {}

  /** The shorter TaskStatus of {@code POST /taskStatus}. */
  record TaskStatus(String id, String status, long duration, String errorMsg, TaskLocation location) {
    static TaskStatus of(TaskRecord r) {
      return new TaskStatus(r.id(), r.state().statusCode(), r.durationMs(), r.errorMsg(), r.location());
    }
  }

  /**
   * A task list, read from the store while it is written: each row goes out as the cursor hands it over,
   * so the answer's size never sits in memory. Rows of data sources the caller may not read are left out.
   */
  @JsonSerialize(using = TaskListWriter.class)
  record TaskList(TaskListRequest request, TaskReadDao tasks, Predicate<String> readable) {}

  static final class TaskListWriter extends StdSerializer<TaskList> {
    TaskListWriter() {
      super(TaskList.class);
    }

    @Override
    public void serialize(TaskList list, JsonGenerator out, SerializerProvider provider) throws IOException {
      JsonSerializer<Object> row = provider.findValueSerializer(TaskRecord.class);
      out.writeStartArray();
      try {
        list.request().run(list.tasks(), r -> {
          if (list.readable().test(r.dataSource())) {
            try {
              row.serialize(r, out, provider);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      out.writeEndArray();
    }
  }

  record DataSourceShutdown(String dataSource) {}

  record PendingSegmentsDeleted(int numDeleted) {}
}
