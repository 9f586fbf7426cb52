package dev.druidtasks.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.task.InvalidTaskException;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.Task;
import dev.druidtasks.server.task.TaskPayloads;
import dev.druidtasks.server.task.TaskType;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Native batch ingestion ({@code index_parallel} and {@code index}): reads Druid's spec layout. */
public final class IndexTaskType implements TaskType {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String name;
  private final IngestConfig config;

  public IndexTaskType(String name, IngestConfig config) {
    this.name = name;
    this.config = config;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String dataSourceOf(ObjectNode payload) {
    return payload.path("spec").path("dataSchema").path("dataSource").asText("unknown");
  }

  @Override
  public Task read(ObjectNode payload) throws InvalidTaskException {
    ObjectNode spec = object(payload, "spec", "spec");
    ObjectNode dataSchema = object(spec, "dataSchema", "spec.dataSchema");
    String dataSource = text(dataSchema, "dataSource", "spec.dataSchema.dataSource", null);
    if (dataSource.isEmpty() || dataSource.startsWith(".") || dataSource.contains("/") || dataSource.contains("\\")
        || dataSource.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidTaskException("Invalid value for field [spec.dataSchema.dataSource]: [" + dataSource
          + "] must be non-empty, not start with '.', and contain no '/', '\\' or control characters");
    }
    ObjectNode ioConfig = object(spec, "ioConfig", "spec.ioConfig");
    ObjectNode tuning = spec.has("tuningConfig") ? object(spec, "tuningConfig", "spec.tuningConfig")
        : spec.putObject("tuningConfig");

    // timestampSpec
    ObjectNode ts = dataSchema.has("timestampSpec") ? object(dataSchema, "timestampSpec", "spec.dataSchema.timestampSpec")
        : dataSchema.putObject("timestampSpec");
    String tsColumn = text(ts, "column", "spec.dataSchema.timestampSpec.column", "timestamp");
    String tsFormat = text(ts, "format", "spec.dataSchema.timestampSpec.format", "auto");
    String tsMissing = ts.hasNonNull("missingValue") ? ts.get("missingValue").asText() : null;
    TimestampParser.of(tsFormat); // rejects unknown patterns now rather than at run time
    ts.put("column", tsColumn);
    ts.put("format", tsFormat);
    if (!ts.has("missingValue")) {
      ts.putNull("missingValue");
    }

    // dimensionsSpec
    ObjectNode dims = dataSchema.has("dimensionsSpec")
        ? object(dataSchema, "dimensionsSpec", "spec.dataSchema.dimensionsSpec") : dataSchema.putObject("dimensionsSpec");
    List<String> dimensionNames = new ArrayList<>();
    ArrayNode expanded = NODES.arrayNode();
    JsonNode declared = dims.path("dimensions");
    if (!declared.isMissingNode() && !declared.isNull() && !declared.isArray()) {
      throw new InvalidTaskException("Field [spec.dataSchema.dimensionsSpec.dimensions] must be an array");
    }
    for (JsonNode d : declared) {
      ObjectNode dim = d.isTextual() ? NODES.objectNode().put("type", "string").put("name", d.asText())
          : d.isObject() ? ((ObjectNode) d).deepCopy() : null;
      if (dim == null || !dim.hasNonNull("name")) {
        throw new InvalidTaskException("Each of [spec.dataSchema.dimensionsSpec.dimensions] must be a name or an"
            + " object with a [name]");
      }
      String type = dim.path("type").asText("string");
      if (!Set.of("string", "long", "float", "double", "json", "auto").contains(type)) {
        throw new InvalidTaskException("Unknown dimension type [" + type + "] for dimension [" + dim.get("name").asText()
            + "]");
      }
      dim.put("type", type);
      if ("string".equals(type)) {
        if (!dim.has("multiValueHandling")) {
          dim.put("multiValueHandling", "SORTED_ARRAY");
        }
        if (!dim.has("createBitmapIndex")) {
          dim.put("createBitmapIndex", true);
        }
      }
      dimensionNames.add(dim.get("name").asText());
      expanded.add(dim);
    }
    dims.set("dimensions", expanded);
    Set<String> exclusions = new LinkedHashSet<>();
    for (JsonNode e : dims.path("dimensionExclusions")) {
      exclusions.add(e.asText());
    }
    exclusions.add("__time");
    exclusions.add(tsColumn);
    ArrayNode exclusionArray = dims.putArray("dimensionExclusions");
    exclusions.stream().sorted().forEach(exclusionArray::add);
    boolean discover = dims.path("useSchemaDiscovery").asBoolean(false) || dimensionNames.isEmpty();
    if (!dims.has("includeAllDimensions")) {
      dims.put("includeAllDimensions", false);
    }
    if (!dims.has("useSchemaDiscovery")) {
      dims.put("useSchemaDiscovery", false);
    }

    // metricsSpec: counting rows needs no aggregation; other aggregators need rollup support
    JsonNode metrics = dataSchema.path("metricsSpec");
    if (metrics.isArray() && metrics.size() > 0) {
      throw new InvalidTaskException("Field [spec.dataSchema.metricsSpec] with aggregators is not supported by this"
          + " server yet; ingest with an empty metricsSpec and rollup false");
    }
    dataSchema.set("metricsSpec", NODES.arrayNode());

    // granularitySpec
    ObjectNode gran = dataSchema.has("granularitySpec")
        ? object(dataSchema, "granularitySpec", "spec.dataSchema.granularitySpec")
        : dataSchema.putObject("granularitySpec");
    Granularity segmentGranularity = granularity(gran.get("segmentGranularity"), "DAY",
        "spec.dataSchema.granularitySpec.segmentGranularity");
    Granularity queryGranularity = granularity(gran.get("queryGranularity"), "NONE",
        "spec.dataSchema.granularitySpec.queryGranularity");
    if (gran.path("rollup").asBoolean(true) && gran.has("rollup")) {
      throw new InvalidTaskException("Field [spec.dataSchema.granularitySpec.rollup] true is not supported by this"
          + " server yet; set it to false");
    }
    List<Interval> intervals = new ArrayList<>();
    ArrayNode normalised = NODES.arrayNode();
    JsonNode declaredIntervals = gran.path("intervals");
    if (!declaredIntervals.isMissingNode() && !declaredIntervals.isNull() && !declaredIntervals.isArray()) {
      throw new InvalidTaskException("Field [spec.dataSchema.granularitySpec.intervals] must be an array");
    }
    for (JsonNode i : declaredIntervals) {
      try {
        Interval parsed = Interval.parse(i.asText(), '/');
        intervals.add(parsed);
        normalised.add(parsed.toString());
      } catch (IllegalArgumentException e) {
        throw new InvalidTaskException("Invalid interval in [spec.dataSchema.granularitySpec.intervals]: "
            + e.getMessage());
      }
    }
    gran.put("type", gran.path("type").asText("uniform"));
    gran.put("segmentGranularity", segmentGranularity.name());
    gran.set("queryGranularity", NODES.objectNode().put("type", queryGranularity.name().toLowerCase()));
    gran.put("rollup", false);
    gran.set("intervals", normalised);
    if (!dataSchema.has("transformSpec") || dataSchema.get("transformSpec").isNull()) {
      ObjectNode t = dataSchema.putObject("transformSpec");
      t.putNull("filter");
      t.putArray("transforms");
    } else if (dataSchema.path("transformSpec").path("filter").isObject()
        || dataSchema.path("transformSpec").path("transforms").size() > 0) {
      throw new InvalidTaskException("Field [spec.dataSchema.transformSpec] filters and transforms are not supported"
          + " by this server yet");
    }

    // ioConfig
    ioConfig.put("type", ioConfig.path("type").asText(name));
    ObjectNode inputSource = object(ioConfig, "inputSource", "spec.ioConfig.inputSource");
    List<Path> files = new ArrayList<>();
    String inline = null;
    String sourceType = text(inputSource, "type", "spec.ioConfig.inputSource.type", null);
    switch (sourceType) {
      case "local" -> files.addAll(localFiles(inputSource));
      case "inline" -> inline = text(inputSource, "data", "spec.ioConfig.inputSource.data", null);
      default -> throw new InvalidTaskException("Unsupported input source type [" + sourceType
          + "] in [spec.ioConfig.inputSource.type]; supported: local, inline");
    }
    ObjectNode inputFormat = object(ioConfig, "inputFormat", "spec.ioConfig.inputFormat");
    IngestionSpec.InputFormat format = inputFormat(inputFormat);
    if (!ioConfig.has("appendToExisting")) {
      ioConfig.put("appendToExisting", false);
    }
    if (!ioConfig.has("dropExisting")) {
      ioConfig.put("dropExisting", false);
    }

    // tuningConfig
    TuningDefaults.fill(tuning, name);
    long maxRowsPerSegment = tuning.path("partitionsSpec").path("maxRowsPerSegment").asLong(
        tuning.path("maxRowsPerSegment").asLong(5_000_000));
    if (maxRowsPerSegment <= 0) {
      throw new InvalidTaskException("Field [spec.tuningConfig.maxRowsPerSegment] must be positive");
    }

    payload.put("dataSource", dataSource);
    TaskPayloads.fillCommonDefaults(payload);
    IngestionSpec parsed = new IngestionSpec(dataSource, tsColumn, tsFormat, tsMissing, dimensionNames, exclusions,
        discover, segmentGranularity, queryGranularity, intervals, files, inline, format, maxRowsPerSegment,
        tuning.path("maxParseExceptions").asLong(Integer.MAX_VALUE),
        tuning.path("maxSavedParseExceptions").asInt(0), tuning.path("logParseExceptions").asBoolean(false),
        ioConfig.path("appendToExisting").asBoolean(false));
    return new IndexTask(name, payload, parsed);
  }

  private IngestionSpec.InputFormat inputFormat(ObjectNode f) throws InvalidTaskException {
    String type = text(f, "type", "spec.ioConfig.inputFormat.type", null);
    List<String> columns = new ArrayList<>();
    for (JsonNode c : f.path("columns")) {
      columns.add(c.asText());
    }
    switch (type) {
      case "json" -> {
        putDefault(f, "keepNullColumns", false);
        putDefault(f, "assumeNewlineDelimited", false);
        putDefault(f, "useJsonNodeReader", false);
        return new IngestionSpec.InputFormat("json", List.of(), false, 0, null, null);
      }
      case "csv", "tsv" -> {
        boolean header = f.path("findColumnsFromHeader").asBoolean(false);
        if (columns.isEmpty() && !header) {
          throw new InvalidTaskException("Field [spec.ioConfig.inputFormat.columns] is required when"
              + " [findColumnsFromHeader] is false");
        }
        String delimiter = "csv".equals(type) ? "," : f.path("delimiter").asText("\t");
        return new IngestionSpec.InputFormat(type, columns, header, f.path("skipHeaderRows").asInt(0), delimiter,
            f.path("listDelimiter").asText(null));
      }
      default -> throw new InvalidTaskException("Unsupported input format type [" + type
          + "] in [spec.ioConfig.inputFormat.type]; supported: json, csv, tsv");
    }
  }

  private List<Path> localFiles(ObjectNode source) throws InvalidTaskException {
    List<Path> out = new ArrayList<>();
    if (source.hasNonNull("files")) {
      for (JsonNode f : source.get("files")) {
        out.add(confined(f.asText(), "spec.ioConfig.inputSource.files", true));
      }
      return out;
    }
    String baseDir = text(source, "baseDir", "spec.ioConfig.inputSource.baseDir", null);
    String filter = text(source, "filter", "spec.ioConfig.inputSource.filter", "*");
    if (filter.contains("/") || filter.contains("\\") || filter.contains("..")) {
      throw new InvalidTaskException("Field [spec.ioConfig.inputSource.filter] is a file name pattern; it must not"
          + " contain '/', '\\' or '..'");
    }
    Path dir = confined(baseDir, "spec.ioConfig.inputSource.baseDir", false);
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + filter);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        if (Files.isRegularFile(p) && matcher.matches(p.getFileName())) {
          out.add(confined(p.toString(), "spec.ioConfig.inputSource.baseDir", true));
        }
      }
    } catch (IOException e) {
      throw new InvalidTaskException("Cannot list [" + baseDir + "]: " + e.getMessage());
    }
    out.sort(null);
    return out;
  }

  /** Resolves a user path and checks that it, after following links, lies inside an allowed root. */
  private Path confined(String userPath, String field, boolean file) throws InvalidTaskException {
    Path real;
    try {
      Path p = config.workingDir().resolve(userPath).normalize();
      if (!Files.exists(p)) {
        throw new InvalidTaskException("Field [" + field + "]: [" + userPath + "] does not exist");
      }
      if (file ? !Files.isRegularFile(p) : !Files.isDirectory(p)) {
        throw new InvalidTaskException("Field [" + field + "]: [" + userPath + "] is not a "
            + (file ? "file" : "directory"));
      }
      real = p.toRealPath();
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw new InvalidTaskException("Field [" + field + "]: cannot read [" + userPath + "]: " + e.getMessage());
    }
    for (Path root : config.allowedRoots()) {
      try {
        if (real.startsWith(root.toRealPath())) {
          return real;
        }
      } catch (IOException ignored) {
        // a root that does not exist allows nothing
      }
    }
    throw new InvalidTaskException("Field [" + field + "]: [" + userPath + "] is outside the directories this"
        + " server may read");
  }

  private static Granularity granularity(JsonNode node, String fallback, String field) throws InvalidTaskException {
    String text = node == null || node.isNull() ? fallback : node.isObject() ? node.path("type").asText(fallback)
        : node.asText();
    try {
      return Granularity.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidTaskException("Field [" + field + "]: " + e.getMessage());
    }
  }

  private static ObjectNode object(ObjectNode parent, String field, String path) throws InvalidTaskException {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      throw new InvalidTaskException("Missing required field [" + path + "]");
    }
    if (!n.isObject()) {
      throw new InvalidTaskException("Field [" + path + "] must be a JSON object");
    }
    return (ObjectNode) n;
  }

  private static String text(ObjectNode parent, String field, String path, String fallback)
      throws InvalidTaskException {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      if (fallback == null) {
        throw new InvalidTaskException("Missing required field [" + path + "]");
      }
      return fallback;
    }
    if (!n.isTextual()) {
      throw new InvalidTaskException("Field [" + path + "] must be a string");
    }
    return n.asText();
  }

  private static void putDefault(ObjectNode n, String field, boolean value) {
    if (!n.has(field)) {
      n.put(field, value);
    }
  }
}
