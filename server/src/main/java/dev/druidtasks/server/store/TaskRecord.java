package dev.druidtasks.server.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.druidtasks.server.task.TaskLocation;
import dev.druidtasks.server.task.TaskState;
import dev.druidtasks.server.task.Timestamps;
import java.io.IOException;
import java.time.Instant;
import org.jdbi.v3.core.mapper.Nested;

/**
 * A task's row without its payload, as lists, status and the engine read it; serialised, it is
 * Druid's TaskStatusPlus in Druid's key order. {@code queueInsertionTime} is the epoch once the
 * task left the queue and {@code durationMs} is -1 while it is active, as Druid shows them (the
 * query selects them so).
 */
@JsonPropertyOrder({"id", "groupId", "type", "createdTime", "queueInsertionTime", "statusCode", "status",
    "runnerStatusCode", "duration", "location", "dataSource", "errorMsg"})
public record TaskRecord(
    String id,
    String groupId,
    String type,
    @JsonSerialize(using = WireInstant.class) Instant createdTime,
    @JsonSerialize(using = WireInstant.class) Instant queueInsertionTime,
    @JsonIgnore TaskState state,
    @JsonProperty("duration") long durationMs,
    @Nested("location") TaskLocation location,
    String dataSource,
    String errorMsg) {

  @JsonProperty
  String statusCode() {
    return state.statusCode();
  }

  @JsonProperty
  String status() {
    return state.statusCode();
  }

  @JsonProperty
  String runnerStatusCode() {
    return state.runnerStatusCode();
  }

  /** Instants as Druid writes them. */
  static final class WireInstant extends StdSerializer<Instant> {
    WireInstant() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant t, JsonGenerator out, SerializerProvider p) throws IOException {
      out.writeString(Timestamps.format(t));
    }
  }
}
