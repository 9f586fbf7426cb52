package dev.druidtasks.server.ingest;

import dev.druidtasks.server.ingest.spec.PathConfinement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.task.InvalidTaskException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spec that cannot run is refused at read() with a message naming the field. */
class SpecValidationTest {
  @TempDir
  Path tmp;

  private String error(ObjectNode payload) {
    return catchThrowableOfType(() -> Specs.read(payload, PathConfinement.under(tmp)), InvalidTaskException.class)
        .getMessage();
  }

  private String errorWithout(String pointer) {
    return error(Specs.remove(Specs.inline("{}"), pointer));
  }

  private String errorWith(String pointer, String json) {
    return error(Specs.set(Specs.inline("{}"), pointer, json));
  }

  @Test
  void missingRequiredFieldsAreNamed() {
    assertThat(errorWithout("/spec")).isEqualTo("Missing required field [spec]");
    assertThat(errorWithout("/spec/dataSchema")).isEqualTo("Missing required field [spec.dataSchema]");
    assertThat(errorWithout("/spec/dataSchema/dataSource")).isEqualTo("Missing required field [spec.dataSchema.dataSource]");
    assertThat(errorWithout("/spec/ioConfig")).isEqualTo("Missing required field [spec.ioConfig]");
    assertThat(errorWithout("/spec/ioConfig/inputSource")).isEqualTo("Missing required field [spec.ioConfig.inputSource]");
    assertThat(errorWithout("/spec/ioConfig/inputFormat")).isEqualTo("Missing required field [spec.ioConfig.inputFormat]");
    assertThat(errorWithout("/spec/ioConfig/inputSource/type")).isEqualTo("Missing required field [spec.ioConfig.inputSource.type]");
    assertThat(errorWithout("/spec/ioConfig/inputSource/data")).isEqualTo("Missing required field [spec.ioConfig.inputSource.data]");
    assertThat(errorWith("/spec/ioConfig/inputSource", "{\"type\":\"local\"}"))
        .isEqualTo("Missing required field [spec.ioConfig.inputSource.baseDir] (or [spec.ioConfig.inputSource.files])");
    assertThat(errorWith("/spec/dataSchema/metricsSpec", "[{\"type\":\"longSum\",\"name\":\"x\"}]"))
        .isEqualTo("Missing required field [spec.dataSchema.metricsSpec[0].fieldName]");
    assertThat(errorWith("/spec/dataSchema/dimensionsSpec", "{\"dimensions\":[{\"type\":\"long\"}]}"))
        .isEqualTo("Missing required field [spec.dataSchema.dimensionsSpec.dimensions[0].name]");
    assertThat(errorWith("/spec/ioConfig/inputFormat", "{\"type\":\"csv\"}"))
        .isEqualTo("Field [spec.ioConfig.inputFormat]: Either [columns] or [findColumnsFromHeader] must be set");
  }

  @Test
  void wrongTypesAreNamed() {
    assertThat(errorWith("/spec/dataSchema", "[]")).isEqualTo("Field [spec.dataSchema] must be a JSON object");
    assertThat(errorWith("/spec/dataSchema/dataSource", "5")).startsWith("Field [spec.dataSchema.dataSource] must be a string");
    assertThat(errorWith("/spec/tuningConfig/maxRowsInMemory", "\"lots\""))
        .startsWith("Field [spec.tuningConfig.maxRowsInMemory] must be an integer");
    assertThat(errorWith("/spec/dataSchema/granularitySpec/rollup", "\"maybe\""))
        .startsWith("Field [spec.dataSchema.granularitySpec.rollup] must be true or false");
    assertThat(errorWith("/spec/dataSchema/granularitySpec/intervals", "[\"yesterday\"]"))
        .isEqualTo("Field [spec.dataSchema.granularitySpec.intervals[0]]: [yesterday] is not an ISO-8601 interval");
    assertThat(errorWith("/spec/tuningConfig/maxRowsPerSegment", "0"))
        .startsWith("Field [spec.tuningConfig.maxRowsPerSegment] must be between 1");
  }

  /** A value written as text in Druid (an interval, a granularity's name) is asked for as text, not as an object. */
  @Test
  void valuesWrittenAsTextAreAskedForAsText() {
    assertThat(errorWith("/spec/dataSchema/granularitySpec/intervals", "[5]"))
        .isEqualTo("Field [spec.dataSchema.granularitySpec.intervals[0]] must be a string");
    assertThat(errorWith("/spec/dataSchema/granularitySpec/segmentGranularity", "5"))
        .isEqualTo("Field [spec.dataSchema.granularitySpec.segmentGranularity] must be a string or a JSON object");
    assertThat(errorWith("/spec/dataSchema/dimensionsSpec", "{\"dimensions\":[true]}"))
        .isEqualTo("Field [spec.dataSchema.dimensionsSpec.dimensions[0]] must be a string or a JSON object");
  }

  @Test
  void unsafeDataSourceNamesAreRefused() {
    assertThat(errorWith("/spec/dataSchema/dataSource", "\"a/b\""))
        .isEqualTo("Invalid value for field [spec.dataSchema.dataSource]: Value [a/b] cannot contain '/'.");
    assertThat(errorWith("/spec/dataSchema/dataSource", "\"..\""))
        .isEqualTo("Invalid value for field [spec.dataSchema.dataSource]: Value [..] cannot start with '.'.");
    assertThat(errorWith("/spec/dataSchema/dataSource", "\"a\\\\b\""))
        .isEqualTo("Invalid value for field [spec.dataSchema.dataSource]: Value [a\\b] cannot contain '\\'.");
    assertThat(errorWith("/spec/dataSchema/dataSource", "\"\""))
        .isEqualTo("Invalid value for field [spec.dataSchema.dataSource]: Value cannot be null or empty.");
  }

  @Test
  void unsupportedFeaturesAreRefusedClearly() {
    assertThat(errorWith("/spec/dataSchema/transformSpec", "{\"transforms\":[{\"type\":\"expression\",\"name\":\"x\",\"expression\":\"1\"}]}"))
        .isEqualTo("Field [spec.dataSchema.transformSpec.transforms]: expression transforms are not supported");
    assertThat(errorWith("/spec/ioConfig/inputFormat", "{\"type\":\"parquet\"}"))
        .isEqualTo("Field [spec.ioConfig.inputFormat.type]: input format [parquet] is not supported (supported: json, csv, tsv)");
    assertThat(errorWith("/spec/ioConfig/inputSource", "{\"type\":\"s3\",\"uris\":[\"s3://b/k\"]}"))
        .startsWith("Field [spec.ioConfig.inputSource.type]: input source type [s3] is not supported");
    assertThat(errorWith("/spec/dataSchema/metricsSpec", "[{\"type\":\"thetaSketch\",\"name\":\"u\",\"fieldName\":\"u\"}]"))
        .startsWith("Field [spec.dataSchema.metricsSpec[0].type]: aggregator type [thetaSketch] is not supported");
    assertThat(errorWith("/spec/dataSchema/transformSpec", "{\"filter\":{\"type\":\"javascript\"}}"))
        .startsWith("Field [spec.dataSchema.transformSpec.filter.type]: filter type [javascript] is not supported");
    assertThat(errorWith("/spec/dataSchema/granularitySpec/segmentGranularity", "\"fortnight\""))
        .isEqualTo("Field [spec.dataSchema.granularitySpec.segmentGranularity]: unknown granularity [fortnight]");
    assertThat(errorWith("/spec/ioConfig/dropExisting", "true"))
        .isEqualTo("Field [spec.ioConfig.dropExisting]: dropping existing segments is not supported");
    assertThat(errorWith("/spec/tuningConfig/partitionsSpec", "{\"type\":\"hashed\",\"numShards\":2}"))
        .startsWith("Field [spec.tuningConfig.partitionsSpec.type]: partitionsSpec type [hashed] is not supported");
    assertThat(errorWith("/spec/dataSchema/parser", "{\"type\":\"string\"}")).startsWith("Field [spec.dataSchema.parser] is not supported");
    assertThat(errorWith("/spec/dataSchema/timestampSpec", "{\"format\":\"yyyy-bbb\"}"))
        .startsWith("Field [spec.dataSchema.timestampSpec.format]: Invalid timestamp format [yyyy-bbb]");
  }

  @Test
  void conflictingFieldsAreRefused() {
    assertThat(errorWith("/spec/ioConfig/type", "\"index\""))
        .isEqualTo("Field [spec.ioConfig.type] must be [index_parallel] in an index_parallel task, got [index]");
    assertThat(errorWith("/spec/dataSchema/dimensionsSpec", "{\"dimensions\":[\"a\",\"a\"]}"))
        .isEqualTo("Field [spec.dataSchema.dimensionsSpec.dimensions]: duplicate dimension [a]");
    assertThat(errorWith("/spec/dataSchema/dimensionsSpec", "{\"dimensions\":[\"a\"],\"dimensionExclusions\":[\"a\"]}"))
        .contains("dimensions and dimensions exclusions cannot overlap");
    ObjectNode overlap = Specs.inline("{}");
    Specs.set(overlap, "/spec/dataSchema/dimensionsSpec", "{\"dimensions\":[\"a\"]}");
    Specs.set(overlap, "/spec/dataSchema/metricsSpec", "[{\"type\":\"count\",\"name\":\"a\"}]");
    assertThat(error(overlap)).startsWith("Cannot have overlapping dimensions and metrics of the same name.");
    assertThat(errorWith("/spec/dataSchema/metricsSpec", "[{\"type\":\"count\",\"name\":\"c\"},{\"type\":\"count\",\"name\":\"c\"}]"))
        .contains("duplicate aggregators found with name [c]");
    assertThat(errorWith("/spec/dataSchema/granularitySpec/intervals", "[\"2000/2030\"]")).contains("more than 10000 time chunks");
  }
}
