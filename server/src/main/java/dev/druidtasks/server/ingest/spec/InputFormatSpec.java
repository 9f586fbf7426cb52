package dev.druidtasks.server.ingest.spec;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.druidtasks.server.task.InvalidField;
import java.util.List;
import java.util.Map;

/** {@code spec.ioConfig.inputFormat}: {@code json} lines, or {@code csv}/{@code tsv}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
    visible = true)
@JsonSubTypes({
    @JsonSubTypes.Type(value = InputFormatSpec.Json.class, name = "json"),
    @JsonSubTypes.Type(value = InputFormatSpec.Delimited.class, names = {"csv", "tsv"})})
@JsonClassDescription("input format")
public sealed interface InputFormatSpec {
  String type();

  record Json(String type, Boolean keepNullColumns, Boolean assumeNewlineDelimited, Boolean useJsonNodeReader,
      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> flattenSpec,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) implements InputFormatSpec {
    public Json {
      keepNullColumns = keepNullColumns != null && keepNullColumns;
      assumeNewlineDelimited = assumeNewlineDelimited != null && assumeNewlineDelimited;
      useJsonNodeReader = useJsonNodeReader != null && useJsonNodeReader;
      if (flattenSpec != null && flattenSpec.get("fields") instanceof List<?> fields && !fields.isEmpty()) {
        throw InvalidField.of("flattenSpec.fields", ": flattening is not supported");
      }
    }
  }

  /** {@code csv} (quoted fields allowed, always ',') and {@code tsv} (a plain split on {@code delimiter}). */
  record Delimited(
      String type,
      @JsonInclude(JsonInclude.Include.NON_NULL) String delimiter,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> columns,
      String listDelimiter,
      Boolean findColumnsFromHeader,
      @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) Boolean hasHeaderRow,
      Integer skipHeaderRows,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) implements InputFormatSpec {
    public Delimited {
      if (type.equals("tsv") && delimiter == null) {
        delimiter = "\t";
      }
      String separator = separator(type, delimiter);
      if (separator.isEmpty()) {
        throw InvalidField.of("delimiter", " cannot be empty");
      }
      columns = columns != null ? List.copyOf(columns) : List.of();
      for (String c : columns) {
        if (c.contains(separator)) {
          throw InvalidField.of("columns", ": Column[" + c + "] cannot have the delimiter[" + separator + "] in its name");
        }
      }
      findColumnsFromHeader = findColumnsFromHeader != null ? findColumnsFromHeader
          : hasHeaderRow != null && hasHeaderRow;
      hasHeaderRow = null;
      if (columns.isEmpty() && !findColumnsFromHeader) {
        throw InvalidField.of("", ": Either [columns] or [findColumnsFromHeader] must be set");
      }
      skipHeaderRows = skipHeaderRows != null ? skipHeaderRows : 0;
      if (skipHeaderRows < 0) {
        throw InvalidField.of("skipHeaderRows", " must not be negative");
      }
      if (listDelimiter != null && (listDelimiter.isEmpty() || listDelimiter.equals(separator))) {
        throw InvalidField.of("listDelimiter", ": Cannot have same delimiter and list delimiter of [" + separator + "]");
      }
    }

    /** Whether fields may be quoted: csv, not tsv. */
    public boolean quoted() {
      return type.equals("csv");
    }

    public String separator() {
      return separator(type, delimiter);
    }

    /** What splits fields: ',' for csv whatever {@code delimiter} says. */
    public static String separator(String type, String delimiter) {
      return type.equals("csv") ? "," : delimiter;
    }
  }
}
