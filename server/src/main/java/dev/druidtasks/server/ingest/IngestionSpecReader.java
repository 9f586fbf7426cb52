package dev.druidtasks.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.ingest.IngestionSpec.AggregatorKind;
import dev.druidtasks.server.ingest.IngestionSpec.DelimitedFormat;
import dev.druidtasks.server.ingest.IngestionSpec.Dimension;
import dev.druidtasks.server.ingest.IngestionSpec.DimensionType;
import dev.druidtasks.server.ingest.IngestionSpec.Dimensions;
import dev.druidtasks.server.ingest.IngestionSpec.Granularities;
import dev.druidtasks.server.ingest.IngestionSpec.InlineInput;
import dev.druidtasks.server.ingest.IngestionSpec.InputFormat;
import dev.druidtasks.server.ingest.IngestionSpec.InputSource;
import dev.druidtasks.server.ingest.IngestionSpec.JsonFormat;
import dev.druidtasks.server.ingest.IngestionSpec.LocalInput;
import dev.druidtasks.server.ingest.IngestionSpec.Metric;
import dev.druidtasks.server.ingest.IngestionSpec.MultiValueHandling;
import dev.druidtasks.server.ingest.IngestionSpec.TimestampColumn;
import dev.druidtasks.server.ingest.IngestionSpec.Tuning;
import dev.druidtasks.server.task.InvalidTaskException;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.TaskIds;
import dev.druidtasks.server.task.TaskPayloads;
import dev.druidtasks.server.task.Timestamps;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks an {@code index_parallel} / {@code index} payload and rewrites it the way Druid stores it:
 * every default filled in, known fields in Druid's order, unknown fields kept after them.
 */
final class IngestionSpecReader {
  static final int DEFAULT_MAX_ROWS_PER_SEGMENT = 5_000_000;
  static final int DEFAULT_MAX_ROWS_IN_MEMORY = 1_000_000;
  /** More lock chunks than this is almost surely a mistake (e.g. ten years of HOUR segments). */
  static final int MAX_CHUNKS = 10_000;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String TIME_COLUMN = "__time";

  private final String taskType;
  private final PathConfinement confinement;

  IngestionSpecReader(String taskType, PathConfinement confinement) {
    this.taskType = taskType;
    this.confinement = confinement;
  }

  /** Validates {@code payload}, rewrites it in place with defaults, and returns what a run needs. */
  IngestionSpec read(ObjectNode payload) throws InvalidTaskException {
    ObjectNode spec = requiredObject(payload, "spec", "spec");
    ObjectNode dataSchema = requiredObject(spec, "dataSchema", "spec.dataSchema");
    ObjectNode ioConfig = requiredObject(spec, "ioConfig", "spec.ioConfig");
    ObjectNode tuningConfig = optionalObject(spec, "tuningConfig", "spec.tuningConfig");
    if (dataSchema.hasNonNull("parser")) {
      throw new InvalidTaskException("Field [spec.dataSchema.parser] is not supported:"
          + " use spec.ioConfig.inputFormat, spec.dataSchema.timestampSpec and spec.dataSchema.dimensionsSpec");
    }

    String dataSource = requiredText(dataSchema, "dataSource", "spec.dataSchema.dataSource");
    checkDataSource(dataSource);

    ObjectNode timestampIn = optionalObject(dataSchema, "timestampSpec", "spec.dataSchema.timestampSpec");
    TimestampColumn timestamp = timestampSpec(timestampIn);
    ObjectNode timestampOut = JSON.objectNode();
    timestampOut.put("column", timestamp.column());
    timestampOut.put("format", optionalText(timestampIn, "format", "spec.dataSchema.timestampSpec.format", "auto"));
    if (timestamp.missingValueMillis() == null) {
      timestampOut.putNull("missingValue");
    } else {
      timestampOut.put("missingValue", Timestamps.format(Instant.ofEpochMilli(timestamp.missingValueMillis())));
    }
    keepRest(timestampOut, timestampIn);

    ArrayNode metricsOut = JSON.arrayNode();
    List<Metric> metrics = metrics(dataSchema.get("metricsSpec"), metricsOut);

    ObjectNode dimensionsIn = optionalObject(dataSchema, "dimensionsSpec", "spec.dataSchema.dimensionsSpec");
    ObjectNode dimensionsOut = JSON.objectNode();
    Dimensions dimensions = dimensions(dimensionsIn, dimensionsOut, timestamp.column(), metrics);

    ObjectNode granularityIn = optionalObject(dataSchema, "granularitySpec", "spec.dataSchema.granularitySpec");
    ObjectNode granularityOut = JSON.objectNode();
    Granularities granularity = granularities(granularityIn, granularityOut);

    ObjectNode transformIn = optionalObject(dataSchema, "transformSpec", "spec.dataSchema.transformSpec");
    ObjectNode transformOut = JSON.objectNode();
    RowFilter filter = transform(transformIn, transformOut);

    ObjectNode dataSchemaOut = JSON.objectNode();
    dataSchemaOut.put("dataSource", dataSource);
    dataSchemaOut.set("timestampSpec", timestampOut);
    dataSchemaOut.set("dimensionsSpec", dimensionsOut);
    dataSchemaOut.set("metricsSpec", metricsOut);
    dataSchemaOut.set("granularitySpec", granularityOut);
    dataSchemaOut.set("transformSpec", transformOut);
    keepRest(dataSchemaOut, dataSchema);

    ObjectNode ioConfigOut = JSON.objectNode();
    ioConfigOut.put("type", typeField(ioConfig, "spec.ioConfig.type"));
    ObjectNode sourceIn = requiredObject(ioConfig, "inputSource", "spec.ioConfig.inputSource");
    ObjectNode sourceOut = JSON.objectNode();
    InputSource inputSource = inputSource(sourceIn, sourceOut);
    ioConfigOut.set("inputSource", sourceOut);
    ObjectNode formatIn = requiredObject(ioConfig, "inputFormat", "spec.ioConfig.inputFormat");
    ObjectNode formatOut = JSON.objectNode();
    InputFormat inputFormat = inputFormat(formatIn, formatOut);
    ioConfigOut.set("inputFormat", formatOut);
    boolean append = optionalBoolean(ioConfig, "appendToExisting", "spec.ioConfig.appendToExisting", false);
    boolean dropExisting = optionalBoolean(ioConfig, "dropExisting", "spec.ioConfig.dropExisting", false);
    if (dropExisting) {
      throw new InvalidTaskException("Field [spec.ioConfig.dropExisting]: dropping existing segments is not supported");
    }
    ioConfigOut.put("appendToExisting", append);
    ioConfigOut.put("dropExisting", false);
    keepRest(ioConfigOut, ioConfig);

    ObjectNode tuningOut = JSON.objectNode();
    Tuning tuning = tuning(tuningConfig, tuningOut);

    ObjectNode specOut = JSON.objectNode();
    specOut.set("dataSchema", dataSchemaOut);
    specOut.set("ioConfig", ioConfigOut);
    specOut.set("tuningConfig", tuningOut);
    keepRest(specOut, spec);

    payload.put("dataSource", dataSource);
    TaskPayloads.fillCommonDefaults(payload);
    ObjectNode top = JSON.objectNode();
    for (String key : List.of("type", "id", "groupId", "resource")) {
      top.set(key, payload.get(key));
    }
    top.set("spec", specOut);
    top.set("context", payload.get("context"));
    top.put("dataSource", dataSource);
    keepRest(top, payload);
    payload.removeAll();
    payload.setAll(compactNumbers(top));

    return new IngestionSpec(dataSource, timestamp, dimensions, metrics, granularity, filter, inputSource,
        inputFormat, append, tuning);
  }

  /** Whole numbers that fit an int become int nodes, as when Druid's stored JSON is read back. */
  private static ObjectNode compactNumbers(ObjectNode node) {
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      e.setValue(compact(e.getValue()));
    }
    return node;
  }

  private static JsonNode compact(JsonNode v) {
    if (v.isLong() && v.canConvertToInt()) {
      return JSON.numberNode(v.intValue());
    }
    if (v.isObject()) {
      return compactNumbers((ObjectNode) v);
    }
    if (v.isArray()) {
      ArrayNode a = (ArrayNode) v;
      for (int i = 0; i < a.size(); i++) {
        a.set(i, compact(a.get(i)));
      }
    }
    return v;
  }

  private static void checkDataSource(String dataSource) throws InvalidTaskException {
    String problem = TaskIds.problem(dataSource);
    if (problem == null && dataSource.contains("\\")) {
      problem = "Value [" + dataSource + "] cannot contain '\\'.";
    }
    if (problem != null) {
      throw new InvalidTaskException("Invalid value for field [spec.dataSchema.dataSource]: " + problem);
    }
  }

  private TimestampColumn timestampSpec(ObjectNode in) throws InvalidTaskException {
    String column = optionalText(in, "column", "spec.dataSchema.timestampSpec.column", "timestamp");
    String format = optionalText(in, "format", "spec.dataSchema.timestampSpec.format", "auto");
    TimestampFormat parsed;
    try {
      parsed = TimestampFormat.of(format);
    } catch (IllegalArgumentException e) {
      throw new InvalidTaskException("Field [spec.dataSchema.timestampSpec.format]: " + e.getMessage());
    }
    Long missing = null;
    JsonNode mv = in.get("missingValue");
    if (mv != null && !mv.isNull()) {
      try {
        missing = mv.isIntegralNumber() ? mv.asLong() : Interval.parseInstant(mv.asText()).toEpochMilli();
      } catch (RuntimeException e) {
        throw new InvalidTaskException("Field [spec.dataSchema.timestampSpec.missingValue]: [" + mv.asText()
            + "] is not an ISO-8601 time");
      }
    }
    return new TimestampColumn(column, parsed, missing);
  }

  private static List<Metric> metrics(JsonNode node, ArrayNode out) throws InvalidTaskException {
    List<Metric> metrics = new ArrayList<>();
    if (node == null || node.isNull()) {
      return metrics;
    }
    if (!node.isArray()) {
      throw new InvalidTaskException("Field [spec.dataSchema.metricsSpec] must be an array");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      String path = "spec.dataSchema.metricsSpec[" + i + "]";
      JsonNode m = node.get(i);
      if (!m.isObject()) {
        throw new InvalidTaskException("Field [" + path + "] must be an object");
      }
      ObjectNode agg = (ObjectNode) m;
      String type = requiredText(agg, "type", path + ".type");
      String name = requiredText(agg, "name", path + ".name");
      AggregatorKind kind = switch (type) {
        case "count" -> AggregatorKind.COUNT;
        case "longSum" -> AggregatorKind.LONG_SUM;
        case "longMin" -> AggregatorKind.LONG_MIN;
        case "longMax" -> AggregatorKind.LONG_MAX;
        case "doubleSum", "floatSum" -> AggregatorKind.DOUBLE_SUM;
        case "doubleMin", "floatMin" -> AggregatorKind.DOUBLE_MIN;
        case "doubleMax", "floatMax" -> AggregatorKind.DOUBLE_MAX;
        default -> throw new InvalidTaskException("Field [" + path + ".type]: aggregator type [" + type
            + "] is not supported (supported: count, longSum, longMin, longMax, doubleSum, doubleMin, doubleMax,"
            + " floatSum, floatMin, floatMax)");
      };
      String fieldName = null;
      if (kind != AggregatorKind.COUNT) {
        if (agg.hasNonNull("expression")) {
          throw new InvalidTaskException("Field [" + path + ".expression]: expressions are not supported");
        }
        fieldName = requiredText(agg, "fieldName", path + ".fieldName");
      }
      if (!names.add(name)) {
        throw new InvalidTaskException("Field [spec.dataSchema.metricsSpec]: duplicate aggregators found with name [" + name + "].");
      }
      metrics.add(new Metric(kind, name, fieldName));
      out.add(agg.deepCopy());
    }
    return metrics;
  }

  private static Dimensions dimensions(ObjectNode in, ObjectNode out, String timestampColumn, List<Metric> metrics)
      throws InvalidTaskException {
    String base = "spec.dataSchema.dimensionsSpec";
    List<Dimension> explicit = new ArrayList<>();
    ArrayNode dimsOut = JSON.arrayNode();
    JsonNode dims = in.get("dimensions");
    Set<String> dimNames = new LinkedHashSet<>();
    if (dims != null && !dims.isNull()) {
      if (!dims.isArray()) {
        throw new InvalidTaskException("Field [" + base + ".dimensions] must be an array");
      }
      for (int i = 0; i < dims.size(); i++) {
        String path = base + ".dimensions[" + i + "]";
        JsonNode d = dims.get(i);
        Dimension dimension;
        ObjectNode given = null;
        if (d.isTextual()) {
          dimension = new Dimension(d.asText(), DimensionType.STRING, MultiValueHandling.SORTED_ARRAY);
        } else if (d.isObject()) {
          given = (ObjectNode) d;
          String name = requiredText(given, "name", path + ".name");
          String type = optionalText(given, "type", path + ".type", "string");
          DimensionType dt = switch (type) {
            case "string" -> DimensionType.STRING;
            case "long" -> DimensionType.LONG;
            case "float" -> DimensionType.FLOAT;
            case "double" -> DimensionType.DOUBLE;
            case "auto", "json" -> DimensionType.AUTO;
            default -> throw new InvalidTaskException("Field [" + path + ".type]: dimension type [" + type
                + "] is not supported (supported: string, long, float, double, auto, json)");
          };
          String mvh = optionalText(given, "multiValueHandling", path + ".multiValueHandling", "SORTED_ARRAY");
          MultiValueHandling handling;
          try {
            handling = MultiValueHandling.valueOf(mvh.toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            throw new InvalidTaskException("Field [" + path + ".multiValueHandling]: [" + mvh
                + "] is not one of SORTED_ARRAY, SORTED_SET, ARRAY");
          }
          dimension = new Dimension(name, dt, handling);
        } else {
          throw new InvalidTaskException("Field [" + path + "] must be a name or an object");
        }
        if (dimension.name().isEmpty()) {
          throw new InvalidTaskException("Field [" + path + "]: a dimension name cannot be empty");
        }
        if (dimension.name().equals(TIME_COLUMN)) {
          throw new InvalidTaskException("Field [" + path + "]: [" + TIME_COLUMN + "] cannot be a dimension");
        }
        if (!dimNames.add(dimension.name())) {
          throw new InvalidTaskException("Field [" + base + ".dimensions]: duplicate dimension [" + dimension.name() + "]");
        }
        explicit.add(dimension);
        ObjectNode o = JSON.objectNode();
        o.put("type", given == null ? "string" : given.get("type") == null ? "string" : given.get("type").asText());
        o.put("name", dimension.name());
        o.put("multiValueHandling", dimension.multiValueHandling().name());
        boolean bitmapDefault = dimension.type() == DimensionType.STRING || dimension.type() == DimensionType.AUTO;
        o.put("createBitmapIndex", given == null ? bitmapDefault
            : optionalBoolean(given, "createBitmapIndex", path + ".createBitmapIndex", bitmapDefault));
        if (given != null) {
          keepRest(o, given);
        }
        dimsOut.add(o);
      }
    }
    Set<String> givenExclusions = new LinkedHashSet<>();
    JsonNode exclusions = in.get("dimensionExclusions");
    if (exclusions != null && !exclusions.isNull()) {
      if (!exclusions.isArray()) {
        throw new InvalidTaskException("Field [" + base + ".dimensionExclusions] must be an array of names");
      }
      for (JsonNode e : exclusions) {
        if (!e.isTextual()) {
          throw new InvalidTaskException("Field [" + base + ".dimensionExclusions] must be an array of names");
        }
        givenExclusions.add(e.asText());
      }
    }
    for (String e : givenExclusions) {
      if (dimNames.contains(e)) {
        throw new InvalidTaskException("Field [" + base + "]: dimensions and dimensions exclusions cannot overlap ([" + e + "])");
      }
    }
    JsonNode spatial = in.get("spatialDimensions");
    if (spatial != null && spatial.isArray() && spatial.size() > 0) {
      throw new InvalidTaskException("Field [" + base + ".spatialDimensions]: spatial dimensions are not supported");
    }
    for (Metric m : metrics) {
      if (dimNames.contains(m.name())) {
        throw new InvalidTaskException("Cannot have overlapping dimensions and metrics of the same name."
            + " Please change the name of the metric. Overlap: [" + m.name() + "]");
      }
    }
    boolean discovery = optionalBoolean(in, "useSchemaDiscovery", base + ".useSchemaDiscovery", false);
    boolean includeAll = optionalBoolean(in, "includeAllDimensions", base + ".includeAllDimensions", false);

    // Druid excludes the time columns and every metric's name and input from discovered dimensions
    Set<String> computed = new TreeSet<>(givenExclusions);
    computed.add(TIME_COLUMN);
    computed.add(timestampColumn);
    for (Metric m : metrics) {
      computed.add(m.name());
      if (m.fieldName() != null) {
        computed.add(m.fieldName());
      }
    }
    computed.removeAll(dimNames);
    ArrayNode exclusionsOut = JSON.arrayNode();
    computed.forEach(exclusionsOut::add);

    out.set("dimensions", dimsOut);
    out.set("dimensionExclusions", exclusionsOut);
    out.put("includeAllDimensions", includeAll);
    out.put("useSchemaDiscovery", discovery);
    keepRest(out, in);
    boolean discover = discovery || includeAll || explicit.isEmpty();
    return new Dimensions(explicit, computed, discover, discovery ? DimensionType.AUTO : DimensionType.STRING);
  }

  private static Granularities granularities(ObjectNode in, ObjectNode out) throws InvalidTaskException {
    String base = "spec.dataSchema.granularitySpec";
    String type = optionalText(in, "type", base + ".type", "uniform");
    if (!type.equals("uniform")) {
      throw new InvalidTaskException("Field [" + base + ".type]: granularitySpec type [" + type
          + "] is not supported (supported: uniform)");
    }
    Granularity segment;
    Granularity query;
    try {
      JsonNode s = in.get("segmentGranularity");
      segment = s == null || s.isNull() ? Granularity.DAY_GRANULARITY : Granularity.parse(s, base + ".segmentGranularity");
      JsonNode q = in.get("queryGranularity");
      query = q == null || q.isNull() ? Granularity.NONE : Granularity.parse(q, base + ".queryGranularity");
    } catch (IllegalArgumentException e) {
      throw new InvalidTaskException(e.getMessage());
    }
    if (segment.unit() == Granularity.Unit.NONE) {
      throw new InvalidTaskException("Field [" + base + ".segmentGranularity] cannot be NONE");
    }
    boolean rollup = optionalBoolean(in, "rollup", base + ".rollup", true);
    List<Interval> intervals = new ArrayList<>();
    ArrayNode intervalsOut = JSON.arrayNode();
    JsonNode given = in.get("intervals");
    if (given != null && !given.isNull()) {
      if (!given.isArray()) {
        throw new InvalidTaskException("Field [" + base + ".intervals] must be an array of ISO-8601 intervals");
      }
      for (int i = 0; i < given.size(); i++) {
        JsonNode iv = given.get(i);
        Interval interval;
        try {
          if (!iv.isTextual()) {
            throw new IllegalArgumentException("not a string");
          }
          interval = Interval.parse(iv.asText(), '/');
        } catch (RuntimeException e) {
          throw new InvalidTaskException("Field [" + base + ".intervals[" + i + "]]: [" + iv.asText()
              + "] is not an ISO-8601 interval");
        }
        if (interval.durationMillis() <= 0) {
          throw new InvalidTaskException("Field [" + base + ".intervals[" + i + "]]: interval [" + interval + "] is empty");
        }
        intervals.add(interval);
        intervalsOut.add(interval.toString());
      }
    }
    out.put("type", "uniform");
    out.set("segmentGranularity", segment.json());
    out.set("queryGranularity", query.json());
    out.put("rollup", rollup);
    out.set("intervals", intervalsOut);
    keepRest(out, in);
    return new Granularities(segment, query, rollup, intervals, chunks(intervals, segment, base));
  }

  /** The intervals cut into segment-granularity buckets, sorted, without duplicates. */
  private static List<Interval> chunks(List<Interval> intervals, Granularity segment, String base)
      throws InvalidTaskException {
    TreeSet<Long> starts = new TreeSet<>();
    for (Interval interval : intervals) {
      long end = interval.end().toEpochMilli();
      long t = segment.bucketStart(interval.start().toEpochMilli());
      while (t < end) {
        starts.add(t);
        if (starts.size() > MAX_CHUNKS) {
          throw new InvalidTaskException("Field [" + base + ".intervals] covers more than " + MAX_CHUNKS
              + " time chunks of the segment granularity");
        }
        long next = segment.bucketEnd(t);
        if (next <= t) {
          break;
        }
        t = next;
      }
    }
    List<Interval> out = new ArrayList<>();
    for (long s : starts) {
      out.add(new Interval(Instant.ofEpochMilli(s), Instant.ofEpochMilli(segment.bucketEnd(s))));
    }
    return out;
  }

  private static RowFilter transform(ObjectNode in, ObjectNode out) throws InvalidTaskException {
    String base = "spec.dataSchema.transformSpec";
    RowFilter filter;
    try {
      filter = RowFilter.parse(in.get("filter"), base + ".filter");
    } catch (IllegalArgumentException e) {
      throw new InvalidTaskException(e.getMessage());
    }
    JsonNode transforms = in.get("transforms");
    if (transforms != null && !transforms.isNull()) {
      if (!transforms.isArray()) {
        throw new InvalidTaskException("Field [" + base + ".transforms] must be an array");
      }
      if (transforms.size() > 0) {
        throw new InvalidTaskException("Field [" + base + ".transforms]: expression transforms are not supported");
      }
    }
    JsonNode filterNode = in.get("filter");
    out.set("filter", filterNode == null ? JSON.nullNode() : filterNode.deepCopy());
    out.set("transforms", JSON.arrayNode());
    keepRest(out, in);
    return filter;
  }

  private InputSource inputSource(ObjectNode in, ObjectNode out) throws InvalidTaskException {
    String base = "spec.ioConfig.inputSource";
    String type = requiredText(in, "type", base + ".type");
    out.put("type", type);
    switch (type) {
      case "local": {
        String baseDir = optionalText(in, "baseDir", base + ".baseDir", null);
        String filter = optionalText(in, "filter", base + ".filter", null);
        JsonNode filesNode = in.get("files");
        List<Path> files = new ArrayList<>();
        ArrayNode filesOut = JSON.arrayNode();
        if (filesNode != null && !filesNode.isNull()) {
          if (!filesNode.isArray()) {
            throw new InvalidTaskException("Field [" + base + ".files] must be an array of paths");
          }
          for (int i = 0; i < filesNode.size(); i++) {
            JsonNode f = filesNode.get(i);
            if (!f.isTextual()) {
              throw new InvalidTaskException("Field [" + base + ".files[" + i + "]] must be a path");
            }
            files.add(confinement.resolveFile(f.asText(), base + ".files[" + i + "]"));
            filesOut.add(f.asText());
          }
        }
        if (baseDir == null && files.isEmpty()) {
          throw new InvalidTaskException("Missing required field [" + base + ".baseDir] (or [" + base + ".files])");
        }
        Path dir = null;
        if (baseDir != null) {
          if (filter == null) {
            throw new InvalidTaskException("Missing required field [" + base + ".filter]");
          }
          PathConfinement.globPattern(filter, base + ".filter");
          dir = confinement.resolveDirectory(baseDir, base + ".baseDir");
          out.put("baseDir", displayPath(baseDir));
          out.put("filter", filter);
        }
        if (!files.isEmpty()) {
          out.set("files", filesOut);
        }
        keepRest(out, in);
        return new LocalInput(dir, filter, files);
      }
      case "inline": {
        String data = requiredText(in, "data", base + ".data");
        out.put("data", data);
        keepRest(out, in);
        return new InlineInput(data);
      }
      default:
        throw new InvalidTaskException("Field [" + base + ".type]: input source type [" + type
            + "] is not supported (supported: local, inline)");
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

  private static InputFormat inputFormat(ObjectNode in, ObjectNode out) throws InvalidTaskException {
    String base = "spec.ioConfig.inputFormat";
    String type = requiredText(in, "type", base + ".type");
    out.put("type", type);
    switch (type) {
      case "json": {
        JsonNode flatten = in.get("flattenSpec");
        if (flatten != null && flatten.isObject() && flatten.path("fields").size() > 0) {
          throw new InvalidTaskException("Field [" + base + ".flattenSpec.fields]: flattening is not supported");
        }
        out.put("keepNullColumns", optionalBoolean(in, "keepNullColumns", base + ".keepNullColumns", false));
        out.put("assumeNewlineDelimited",
            optionalBoolean(in, "assumeNewlineDelimited", base + ".assumeNewlineDelimited", false));
        out.put("useJsonNodeReader", optionalBoolean(in, "useJsonNodeReader", base + ".useJsonNodeReader", false));
        keepRest(out, in);
        return new JsonFormat();
      }
      case "csv":
      case "tsv": {
        boolean tsv = type.equals("tsv");
        String delimiter = tsv ? optionalText(in, "delimiter", base + ".delimiter", "\t") : ",";
        if (delimiter.isEmpty()) {
          throw new InvalidTaskException("Field [" + base + ".delimiter] cannot be empty");
        }
        List<String> columns = new ArrayList<>();
        JsonNode cols = in.get("columns");
        if (cols != null && !cols.isNull()) {
          if (!cols.isArray()) {
            throw new InvalidTaskException("Field [" + base + ".columns] must be an array of names");
          }
          for (JsonNode c : cols) {
            if (!c.isTextual()) {
              throw new InvalidTaskException("Field [" + base + ".columns] must be an array of names");
            }
            if (c.asText().contains(delimiter)) {
              throw new InvalidTaskException("Field [" + base + ".columns]: Column[" + c.asText()
                  + "] cannot have the delimiter[" + delimiter + "] in its name");
            }
            columns.add(c.asText());
          }
        }
        Boolean fromHeader = null;
        if (in.hasNonNull("findColumnsFromHeader")) {
          fromHeader = optionalBoolean(in, "findColumnsFromHeader", base + ".findColumnsFromHeader", false);
        } else if (in.hasNonNull("hasHeaderRow")) {
          fromHeader = optionalBoolean(in, "hasHeaderRow", base + ".hasHeaderRow", false);
        }
        if (columns.isEmpty() && (fromHeader == null || !fromHeader)) {
          throw new InvalidTaskException("Field [" + base + "]: Either [columns] or [findColumnsFromHeader] must be set");
        }
        boolean findColumns = fromHeader != null && fromHeader;
        long skip = optionalLong(in, "skipHeaderRows", base + ".skipHeaderRows", 0);
        if (skip < 0 || skip > Integer.MAX_VALUE) {
          throw new InvalidTaskException("Field [" + base + ".skipHeaderRows] must not be negative");
        }
        String listDelimiter = optionalText(in, "listDelimiter", base + ".listDelimiter", null);
        if (listDelimiter != null && (listDelimiter.isEmpty() || listDelimiter.equals(delimiter))) {
          throw new InvalidTaskException("Field [" + base + ".listDelimiter]: Cannot have same delimiter and list delimiter of ["
              + delimiter + "]");
        }
        if (tsv) {
          out.put("delimiter", delimiter);
        }
        if (!columns.isEmpty()) {
          ArrayNode colsOut = out.putArray("columns");
          columns.forEach(colsOut::add);
        }
        if (listDelimiter == null) {
          out.putNull("listDelimiter");
        } else {
          out.put("listDelimiter", listDelimiter);
        }
        out.put("findColumnsFromHeader", findColumns);
        out.put("skipHeaderRows", (int) skip);
        keepRest(out, in);
        out.remove("hasHeaderRow");
        return new DelimitedFormat(!tsv, delimiter, columns, findColumns, (int) skip, listDelimiter);
      }
      default:
        throw new InvalidTaskException("Field [" + base + ".type]: input format [" + type
            + "] is not supported (supported: json, csv, tsv)");
    }
  }

  private Tuning tuning(ObjectNode in, ObjectNode out) throws InvalidTaskException {
    String base = "spec.tuningConfig";
    boolean parallel = taskType.equals("index_parallel");
    String type = typeField(in, base + ".type");
    Long maxRowsPerSegment = nullableLong(in, "maxRowsPerSegment", base);
    Long targetPartitionSize = nullableLong(in, "targetPartitionSize", base);
    if (maxRowsPerSegment == null) {
      maxRowsPerSegment = targetPartitionSize;
    }
    Long maxTotalRows = nullableLong(in, "maxTotalRows", base);
    Long numShards = nullableLong(in, "numShards", base);
    if (numShards != null && numShards != -1) {
      throw new InvalidTaskException("Field [" + base + ".numShards]: hashed partitioning is not supported");
    }
    if (optionalBoolean(in, "forceGuaranteedRollup", base + ".forceGuaranteedRollup", false)) {
      throw new InvalidTaskException("Field [" + base + ".forceGuaranteedRollup]: perfect rollup with hashed or range"
          + " partitioning is not supported; rollup within each time chunk is always complete here");
    }
    ObjectNode partitions = in.hasNonNull("partitionsSpec")
        ? optionalObject(in, "partitionsSpec", base + ".partitionsSpec") : null;
    ObjectNode partitionsOut = null;
    if (partitions != null) {
      String ptype = optionalText(partitions, "type", base + ".partitionsSpec.type", "dynamic");
      if (!ptype.equals("dynamic")) {
        throw new InvalidTaskException("Field [" + base + ".partitionsSpec.type]: partitionsSpec type [" + ptype
            + "] is not supported (supported: dynamic)");
      }
      Long m = nullableLong(partitions, "maxRowsPerSegment", base + ".partitionsSpec");
      maxRowsPerSegment = m == null ? DEFAULT_MAX_ROWS_PER_SEGMENT : m;
      maxTotalRows = nullableLong(partitions, "maxTotalRows", base + ".partitionsSpec");
    } else if (maxRowsPerSegment != null || maxTotalRows != null) {
      if (maxRowsPerSegment == null) {
        maxRowsPerSegment = (long) DEFAULT_MAX_ROWS_PER_SEGMENT;
      }
      partitions = JSON.objectNode();
    }
    if (partitions != null) {
      partitionsOut = JSON.objectNode();
      partitionsOut.put("type", "dynamic");
      partitionsOut.put("maxRowsPerSegment", maxRowsPerSegment);
      putNullableLong(partitionsOut, "maxTotalRows", maxTotalRows);
      keepRest(partitionsOut, partitions);
    }
    long effectiveMaxRows = maxRowsPerSegment == null ? DEFAULT_MAX_ROWS_PER_SEGMENT : maxRowsPerSegment;
    if (effectiveMaxRows <= 0 || effectiveMaxRows > Integer.MAX_VALUE) {
      throw new InvalidTaskException("Field [" + base + ".maxRowsPerSegment] must be between 1 and " + Integer.MAX_VALUE);
    }
    long maxRowsInMemory = optionalLong(in, "maxRowsInMemory", base + ".maxRowsInMemory", DEFAULT_MAX_ROWS_IN_MEMORY);
    if (maxRowsInMemory <= 0) {
      throw new InvalidTaskException("Field [" + base + ".maxRowsInMemory] must be positive");
    }
    long maxBytesInMemory = optionalLong(in, "maxBytesInMemory", base + ".maxBytesInMemory", 0);
    boolean reportParseExceptions =
        optionalBoolean(in, "reportParseExceptions", base + ".reportParseExceptions", false);
    long maxParseExceptions = optionalLong(in, "maxParseExceptions", base + ".maxParseExceptions", Integer.MAX_VALUE);
    long maxSaved = optionalLong(in, "maxSavedParseExceptions", base + ".maxSavedParseExceptions", 0);
    if (maxParseExceptions < 0 || maxSaved < 0 || maxSaved > Integer.MAX_VALUE) {
      throw new InvalidTaskException("Fields [" + base + ".maxParseExceptions] and [" + base
          + ".maxSavedParseExceptions] must not be negative");
    }
    if (reportParseExceptions) {
      // Druid: reporting parse exceptions means failing on the first one
      maxParseExceptions = 0;
      maxSaved = Math.min(1, maxSaved);
    }
    boolean logParseExceptions = optionalBoolean(in, "logParseExceptions", base + ".logParseExceptions", false);

    out.put("type", type);
    putNullableLong(out, "maxRowsPerSegment", partitionsOut == null ? null : maxRowsPerSegment);
    out.set("appendableIndexSpec", orDefault(in, "appendableIndexSpec",
        JSON.objectNode().put("type", "onheap").put("preserveExistingMetrics", false)));
    out.put("maxRowsInMemory", maxRowsInMemory);
    out.put("maxBytesInMemory", maxBytesInMemory);
    out.put("skipBytesInMemoryOverheadCheck",
        optionalBoolean(in, "skipBytesInMemoryOverheadCheck", base + ".skipBytesInMemoryOverheadCheck", false));
    putNullableLong(out, "maxTotalRows", maxTotalRows);
    out.putNull("numShards");
    if (parallel) {
      out.set("splitHintSpec", orDefault(in, "splitHintSpec", JSON.nullNode()));
    }
    out.set("partitionsSpec", partitionsOut == null ? JSON.nullNode() : partitionsOut);
    ObjectNode indexSpec = indexSpec(in.get("indexSpec"));
    out.set("indexSpec", indexSpec);
    JsonNode intermediate = in.get("indexSpecForIntermediatePersists");
    out.set("indexSpecForIntermediatePersists",
        intermediate == null || intermediate.isNull() ? indexSpec.deepCopy() : indexSpec(intermediate));
    out.put("maxPendingPersists", optionalLong(in, "maxPendingPersists", base + ".maxPendingPersists", 0));
    out.put("forceGuaranteedRollup", false);
    out.put("reportParseExceptions", reportParseExceptions);
    out.put("pushTimeout", optionalLong(in, "pushTimeout", base + ".pushTimeout", 0));
    out.set("segmentWriteOutMediumFactory", orDefault(in, "segmentWriteOutMediumFactory", JSON.nullNode()));
    if (parallel) {
      out.put("maxNumConcurrentSubTasks", optionalLong(in, "maxNumConcurrentSubTasks", base + ".maxNumConcurrentSubTasks", 1));
      out.put("maxRetry", optionalLong(in, "maxRetry", base + ".maxRetry", 3));
      out.put("taskStatusCheckPeriodMs", optionalLong(in, "taskStatusCheckPeriodMs", base + ".taskStatusCheckPeriodMs", 1000));
      out.put("chatHandlerTimeout", optionalText(in, "chatHandlerTimeout", base + ".chatHandlerTimeout", "PT10S"));
      out.put("chatHandlerNumRetries", optionalLong(in, "chatHandlerNumRetries", base + ".chatHandlerNumRetries", 5));
      out.put("maxNumSegmentsToMerge", optionalLong(in, "maxNumSegmentsToMerge", base + ".maxNumSegmentsToMerge", 100));
      out.put("totalNumMergeTasks", optionalLong(in, "totalNumMergeTasks", base + ".totalNumMergeTasks", 10));
    }
    out.put("logParseExceptions", logParseExceptions);
    out.put("maxParseExceptions", maxParseExceptions);
    out.put("maxSavedParseExceptions", maxSaved);
    out.put("maxColumnsToMerge", optionalLong(in, "maxColumnsToMerge", base + ".maxColumnsToMerge", -1));
    out.put("awaitSegmentAvailabilityTimeoutMillis",
        optionalLong(in, "awaitSegmentAvailabilityTimeoutMillis", base + ".awaitSegmentAvailabilityTimeoutMillis", 0));
    if (parallel) {
      out.put("maxAllowedLockCount", optionalLong(in, "maxAllowedLockCount", base + ".maxAllowedLockCount", -1));
    }
    out.set("partitionDimensions", orDefault(in, "partitionDimensions", JSON.arrayNode()));
    keepRest(out, in);
    out.remove("targetPartitionSize");

    long bytesLimit = maxBytesInMemory == 0 ? Runtime.getRuntime().maxMemory() / 6
        : maxBytesInMemory < 0 ? Long.MAX_VALUE : maxBytesInMemory;
    return new Tuning((int) effectiveMaxRows, maxRowsInMemory, bytesLimit, maxParseExceptions, (int) maxSaved,
        logParseExceptions);
  }

  /** Druid's default index spec, with any given keys kept. */
  private static ObjectNode indexSpec(JsonNode given) {
    ObjectNode out = JSON.objectNode();
    out.set("bitmap", JSON.objectNode().put("type", "roaring"));
    out.put("dimensionCompression", "lz4");
    out.set("stringDictionaryEncoding", JSON.objectNode().put("type", "utf8"));
    out.put("metricCompression", "lz4");
    out.put("longEncoding", "longs");
    if (given != null && given.isObject()) {
      given.fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue().deepCopy()));
    }
    return out;
  }

  private String typeField(ObjectNode in, String path) throws InvalidTaskException {
    String type = optionalText(in, "type", path, taskType);
    if (!type.equals(taskType)) {
      throw new InvalidTaskException("Field [" + path + "] must be [" + taskType + "] in an " + taskType + " task, got ["
          + type + "]");
    }
    return type;
  }

  // ---- field helpers: every error names the field's full path

  private static ObjectNode requiredObject(ObjectNode parent, String field, String path) throws InvalidTaskException {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      throw new InvalidTaskException("Missing required field [" + path + "]");
    }
    if (!v.isObject()) {
      throw new InvalidTaskException("Field [" + path + "] must be a JSON object");
    }
    return (ObjectNode) v;
  }

  /** The object, or an empty one when absent. */
  private static ObjectNode optionalObject(ObjectNode parent, String field, String path) throws InvalidTaskException {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return JSON.objectNode();
    }
    if (!v.isObject()) {
      throw new InvalidTaskException("Field [" + path + "] must be a JSON object");
    }
    return (ObjectNode) v;
  }

  private static String requiredText(ObjectNode parent, String field, String path) throws InvalidTaskException {
    String v = optionalText(parent, field, path, null);
    if (v == null) {
      throw new InvalidTaskException("Missing required field [" + path + "]");
    }
    return v;
  }

  private static String optionalText(ObjectNode parent, String field, String path, String fallback)
      throws InvalidTaskException {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isTextual()) {
      throw new InvalidTaskException("Field [" + path + "] must be a string, got " + v);
    }
    return v.asText();
  }

  private static boolean optionalBoolean(ObjectNode parent, String field, String path, boolean fallback)
      throws InvalidTaskException {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
      return Boolean.parseBoolean(v.asText());
    }
    throw new InvalidTaskException("Field [" + path + "] must be true or false, got " + v);
  }

  private static long optionalLong(ObjectNode parent, String field, String path, long fallback)
      throws InvalidTaskException {
    Long v = nullableLong(parent, field, path.substring(0, Math.max(0, path.lastIndexOf('.'))));
    return v == null ? fallback : v;
  }

  private static Long nullableLong(ObjectNode parent, String field, String base) throws InvalidTaskException {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.asLong();
    }
    if (v.isTextual()) {
      try {
        return Long.parseLong(v.asText().trim());
      } catch (NumberFormatException ignored) {
        // reported below
      }
    }
    throw new InvalidTaskException("Field [" + (base.isEmpty() ? field : base + "." + field) + "] must be an integer, got " + v);
  }

  private static void putNullableLong(ObjectNode out, String field, Long value) {
    if (value == null) {
      out.putNull(field);
    } else {
      out.put(field, value);
    }
  }

  private static JsonNode orDefault(ObjectNode in, String field, JsonNode fallback) {
    JsonNode v = in.get(field);
    return v == null || v.isNull() ? fallback : v.deepCopy();
  }

  /** Appends the fields of {@code given} that {@code out} does not have yet (unknown fields are kept). */
  private static void keepRest(ObjectNode out, ObjectNode given) {
    Iterator<Map.Entry<String, JsonNode>> it = given.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!out.has(e.getKey())) {
        out.set(e.getKey(), e.getValue());
      }
    }
  }
}
