package dev.druidtasks.server.ingest.spec;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.druidtasks.server.task.InvalidField;
import java.util.Map;

/** {@code spec.ioConfig}: where rows come from, in what format, and whether they add to what is there. */
public record IoConfig(String type, InputSourceSpec inputSource, InputFormatSpec inputFormat, Boolean appendToExisting,
    Boolean dropExisting, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) {
  public IoConfig {
    InvalidField.required(inputSource, "inputSource");
    InvalidField.required(inputFormat, "inputFormat");
    appendToExisting = appendToExisting != null && appendToExisting;
    if (dropExisting != null && dropExisting) {
      throw InvalidField.of("dropExisting", ": dropping existing segments is not supported");
    }
    dropExisting = false;
  }

  IoConfig forTask(String taskType) {
    return new IoConfig(IndexSpec.sameType(type, taskType, "spec.ioConfig.type"), inputSource, inputFormat,
        appendToExisting, dropExisting, unknown);
  }
}
