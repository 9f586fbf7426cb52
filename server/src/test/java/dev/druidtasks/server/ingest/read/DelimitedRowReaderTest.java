package dev.druidtasks.server.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.druidtasks.server.ingest.read.Dimensions.Dimension;
import dev.druidtasks.server.ingest.read.Dimensions.DimensionType;
import dev.druidtasks.server.ingest.read.Dimensions.MultiValueHandling;
import dev.druidtasks.server.ingest.spec.InputFormatSpec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CSV lines split as Druid 33's {@code CsvInputFormat} splits them (opencsv's RFC 4180 parser). */
class DelimitedRowReaderTest {
  private static final List<String> NAMES = List.of("c0", "c1", "c2", "c3");

  static Stream<Arguments> druidSplits() {
    return Stream.of(
        Arguments.of("a,b,c", List.of("a", "b", "c")),
        Arguments.of("a,\"b,c\",d", List.of("a", "b,c", "d")),
        Arguments.of("a,\"b\"\"c\",d", List.of("a", "b\"c", "d")),
        // text after a closing quote: the field runs on to the end of the line, quote and commas kept
        Arguments.of("a,\"b\"x,c", List.of("a", "b\"x,c")),
        Arguments.of("a,\"b\" ,c", List.of("a", "b\" ,c")),
        Arguments.of("a,\"\"x,c", List.of("a", "\"x,c")),
        // a later quoted part closes the field again
        Arguments.of("a,\"b\"x\"y\",c", List.of("a", "b\"x\"y", "c")),
        // a quote inside an unquoted field is kept; a doubled one becomes one
        Arguments.of("a,b\"c,d", List.of("a", "b\"c", "d")),
        Arguments.of("a,b\"\"c,d", List.of("a", "b\"c", "d")),
        // an unterminated quote keeps the opening quote and the rest of the line
        Arguments.of("a,\"bc", List.of("a", "\"bc")),
        Arguments.of("\"a,b", List.of("\"a,b")),
        Arguments.of("a,\"x\"\"y", List.of("a", "x\"y")),
        // empty quoted and unquoted fields are empty strings; spaces are kept
        Arguments.of("a,\"\",c", List.of("a", "", "c")),
        Arguments.of("a,,c,", List.of("a", "", "c", "")),
        Arguments.of("a, \"b\" ,c", List.of("a", " \"b\" ", "c")),
        // \r\n ends a line; a \r elsewhere is data, as Druid's line reader keeps it
        Arguments.of("a,\"b,c\"\r\n", List.of("a", "b,c")),
        Arguments.of("a,\"b\rc\",d\r\n", List.of("a", "b\rc", "d")),
        Arguments.of("a,b\r", List.of("a", "b\r")));
  }

  @ParameterizedTest
  @MethodSource("druidSplits")
  void csvFieldsAreThoseDruidReads(String input, List<String> expected) throws Exception {
    Columns columns = new Columns(new Dimensions(NAMES.stream()
        .map(n -> new Dimension(n, DimensionType.STRING, MultiValueHandling.SORTED_ARRAY)).toList(),
        Set.of(), false, DimensionType.STRING), "ts", List.of());
    DelimitedRowReader reader = new DelimitedRowReader(new InputFormatSpec.Delimited("csv", null, NAMES, null, false, null, 0, null), columns);
    RowValues row = new RowValues();
    try (LineSource lines = new LineSource(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), 16)) {
      assertThat(lines.next()).isTrue();
      assertThat(reader.read(lines.buffer(), lines.start(), lines.length(), row)).isTrue();
      assertThat(lines.next()).isFalse();
    }
    List<String> fields = new ArrayList<>();
    for (String name : NAMES) {
      if (row.kind(columns.knownSlot(name)) != 0) {
        fields.add(row.asString(columns.knownSlot(name)));
      }
    }
    assertThat(fields).isEqualTo(expected);
  }
}
