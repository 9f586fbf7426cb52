package dev.druidtasks.server.ingest;

import static dev.druidtasks.server.ingest.SpecFields.JSON;
import static dev.druidtasks.server.ingest.SpecFields.compactNumbers;
import static dev.druidtasks.server.ingest.SpecFields.keepRest;
import static dev.druidtasks.server.ingest.SpecFields.optionalBoolean;
import static dev.druidtasks.server.ingest.SpecFields.optionalObject;
import static dev.druidtasks.server.ingest.SpecFields.optionalText;
import static dev.druidtasks.server.ingest.SpecFields.requiredObject;
import static dev.druidtasks.server.ingest.SpecFields.requiredText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.ingest.read.TimestampFormat;
import dev.druidtasks.server.ingest.IngestionSpec.AggregatorKind;
import dev.druidtasks.server.ingest.IngestionSpec.Dimension;
import dev.druidtasks.server.ingest.IngestionSpec.DimensionType;
import dev.druidtasks.server.ingest.IngestionSpec.Dimensions;
import dev.druidtasks.server.ingest.IngestionSpec.Granularities;
import dev.druidtasks.server.ingest.IngestionSpec.InputFormat;
import dev.druidtasks.server.ingest.IngestionSpec.InputSource;
import dev.druidtasks.server.ingest.IngestionSpec.Metric;
import dev.druidtasks.server.ingest.IngestionSpec.MultiValueHandling;
import dev.druidtasks.server.ingest.IngestionSpec.TimestampColumn;
import dev.druidtasks.server.ingest.IngestionSpec.Tuning;
import dev.druidtasks.server.task.InvalidTaskException;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.TaskIds;
import dev.druidtasks.server.task.TaskPayloads;
import dev.druidtasks.server.task.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks an {@code index_parallel} / {@code index} payload and rewrites it the way Druid stores it:
 * every default filled in, known fields in Druid's order, unknown fields kept after them.
 */
final class IngestionSpecReader {
  /** More lock chunks than this is almost surely a mistake (e.g. ten years of HOUR segments). */
  static final int MAX_CHUNKS = 10_000;

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
    InputSource inputSource = new InputSpecReader(confinement).inputSource(sourceIn, sourceOut);
    ioConfigOut.set("inputSource", sourceOut);
    ObjectNode formatIn = requiredObject(ioConfig, "inputFormat", "spec.ioConfig.inputFormat");
    ObjectNode formatOut = JSON.objectNode();
    InputFormat inputFormat = InputSpecReader.inputFormat(formatIn, formatOut);
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
    Tuning tuning = TuningConfigReader.read(taskType, typeField(tuningConfig, "spec.tuningConfig.type"), tuningConfig,
        tuningOut);

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
        if (!interval.storable()) {
          throw new InvalidTaskException("Field [" + base + ".intervals[" + i + "]]: interval [" + iv.asText()
              + "] reaches outside the time this server stores, " + Interval.ETERNITY);
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

  private String typeField(ObjectNode in, String path) throws InvalidTaskException {
    String type = optionalText(in, "type", path, taskType);
    if (!type.equals(taskType)) {
      throw new InvalidTaskException("Field [" + path + "] must be [" + taskType + "] in an " + taskType + " task, got ["
          + type + "]");
    }
    return type;
  }

}
