package dev.druidtasks.server.ingest.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteSinkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void stringsAreEscapedAndReadBackAsWritten() throws Exception {
    String text = "quote\" backslash\\ newline\n tab\t ctrl\u0001\b\f é € \uD83D\uDE00 lone\uD800 end";
    ByteSink out = new ByteSink(4);
    out.write('[');
    out.writeJsonString(text);
    out.write(',');
    byte[] raw = "raw \"json\" {\n}".getBytes(StandardCharsets.UTF_8);
    out.writeJsonStringFromUtf8(raw, 0, raw.length);
    out.write(',');
    out.writeLong(Long.MIN_VALUE);
    out.write(',');
    out.writeDouble(123456789.0);
    out.write(',');
    out.writeDouble(Double.NaN);
    out.write(']');
    String json = new String(out.toByteArray(), StandardCharsets.UTF_8);

    assertThat(JSON.readTree(json).get(0).asText()).isEqualTo(text);
    assertThat(JSON.readTree(json).get(1).asText()).isEqualTo("raw \"json\" {\n}");
    // pairs stay UTF-8 (4 bytes), as before; a lone surrogate has no UTF-8 form and is escaped
    assertThat(json).contains("\uD83D\uDE00").containsIgnoringCase("\\ud800");
    assertThat(json).endsWith(",-9223372036854775808,123456789.0,null]");
  }
}
