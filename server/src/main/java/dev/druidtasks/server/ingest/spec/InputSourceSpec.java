package dev.druidtasks.server.ingest.spec;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.druidtasks.server.task.InvalidField;
import dev.druidtasks.server.task.InvalidTaskException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code spec.ioConfig.inputSource}: {@code local} files (confined to the allowed roots) or {@code inline} rows. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = InputSourceSpec.Local.class, name = "local"),
    @JsonSubTypes.Type(value = InputSourceSpec.Inline.class, name = "inline")})
@JsonClassDescription("input source type")
public sealed interface InputSourceSpec {
  /** Where the paths are named in errors: an input source is only found there. */
  String FIELD = "spec.ioConfig.inputSource";

  /**
   * Files under {@code baseDir} whose names match {@code filter} ({@code fileNames}), and/or the listed
   * {@code files}; {@code directory} and {@code paths} are their real paths, checked against the confinement.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Local(String baseDir, String filter, List<String> files, @JsonIgnore @JacksonInject PathConfinement confinement,
      @JsonIgnore Path directory, @JsonIgnore PathMatcher fileNames, @JsonIgnore List<Path> paths,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) implements InputSourceSpec {
    public Local {
      files = files != null ? List.copyOf(files) : List.of();
      try {
        confinement.checkLocalInputEnabled(FIELD + ".type");
        paths = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
          paths.add(confinement.resolveFile(files.get(i), FIELD + ".files[" + i + "]"));
        }
        if (baseDir == null && files.isEmpty()) {
          throw InvalidField.message("Missing required field [" + FIELD + ".baseDir] (or [" + FIELD + ".files])");
        }
        if (baseDir != null) {
          if (filter == null) {
            throw InvalidField.message("Missing required field [" + FIELD + ".filter]");
          }
          fileNames = PathConfinement.fileNames(filter, FIELD + ".filter");
          directory = confinement.resolveDirectory(baseDir, FIELD + ".baseDir");
          baseDir = displayPath(baseDir);
        }
      } catch (InvalidTaskException e) {
        throw InvalidField.message(e.getMessage());
      }
    }

    /** As Druid writes a {@code File}: no trailing or doubled separators. */
    private static String displayPath(String given) {
      try {
        return Path.of(given).toString();
      } catch (RuntimeException e) {
        return given;
      }
    }
  }

  /** The rows are in the spec. */
  record Inline(String data, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) implements InputSourceSpec {
    public Inline {
      InvalidField.required(data, "data");
    }
  }
}
