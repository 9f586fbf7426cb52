package dev.druidtasks.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.ingest.read.TimestampFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimestampFormatsTest {
  /** 2015-09-12T00:46:58.771Z */
  private static final long T = 1442018818771L;

  @TempDir
  Path tmp;

  private static long text(String format, String value) {
    return TimestampFormat.of(format).parseText(value);
  }

  private static long utf8(String format, String value) {
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    return TimestampFormat.of(format).parseUtf8(b, 0, b.length);
  }

  private static long number(String format, String literal) {
    byte[] b = literal.getBytes(StandardCharsets.US_ASCII);
    return TimestampFormat.of(format).parseNumberLiteral(b, 0, b.length);
  }

  @Test
  void iso() {
    assertThat(utf8("iso", "2015-09-12T00:46:58.771Z")).isEqualTo(T);
    assertThat(utf8("iso", "2015-09-12T02:46:58.771+02:00")).isEqualTo(T);
    assertThat(utf8("iso", "2015-09-11T19:46:58.771-0500")).isEqualTo(T);
    assertThat(utf8("iso", "2015-09-12T00:46:58.771123Z")).isEqualTo(T);
    assertThat(utf8("iso", "2015-09-12")).isEqualTo(1442016000000L);
    assertThat(utf8("iso", "2015-09-12T05")).isEqualTo(1442016000000L + 5 * 3_600_000L);
    assertThat(utf8("iso", "2015-09-12T00:46:58")).isEqualTo(T - 771);
    assertThat(utf8("iso", "1969-12-31T23:59:59.999Z")).isEqualTo(-1);
    assertThat(utf8("iso", "2016-02-29T00:00:00Z")).isEqualTo(1456704000000L);
    assertThat(text("iso", "2015-09-12T00:46:58.771Z")).isEqualTo(T);
    assertThatThrownBy(() -> utf8("iso", "2015-02-30T00:00:00Z")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> utf8("iso", "yesterday")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> text("iso", "")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void autoTakesIsoOrMillis() {
    assertThat(utf8("auto", "2015-09-12T00:46:58.771Z")).isEqualTo(T);
    assertThat(utf8("auto", "2015-09-12 00:46:58.771")).isEqualTo(T);
    assertThat(utf8("auto", Long.toString(T))).isEqualTo(T);
    assertThat(number("auto", Long.toString(T))).isEqualTo(T);
    assertThat(text("auto", "2015-09-11 20:46:58.771 America/New_York")).isEqualTo(T);
  }

  @Test
  void numericFormats() {
    assertThat(number("millis", "1442018818771")).isEqualTo(T);
    assertThat(utf8("millis", "1442018818771")).isEqualTo(T);
    assertThat(number("posix", "1442018818")).isEqualTo(T - 771);
    assertThat(text("posix", "1442018818")).isEqualTo(T - 771);
    assertThat(number("posix", "1442018818.9")).isEqualTo(T - 771);
    assertThat(number("micro", "1442018818771123")).isEqualTo(T);
    assertThat(number("nano", "1442018818771123456")).isEqualTo(T);
    assertThat(number("ruby", "1442018818.771")).isEqualTo(T);
    assertThatThrownBy(() -> text("millis", "soon")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void jodaPatterns() {
    assertThat(text("yyyy-MM-dd HH:mm:ss.SSS", "2015-09-12 00:46:58.771")).isEqualTo(T);
    assertThat(text("dd/MM/yyyy HH:mm:ss", "12/09/2015 00:46:58")).isEqualTo(T - 771);
    assertThat(text("yyyyMMdd", "20150912")).isEqualTo(1442016000000L);
    assertThat(text("yyyy-MM-dd'T'HH:mm:ssZZ", "2015-09-12T02:46:58+02:00")).isEqualTo(T - 771);
    assertThat(text("yyyy-MM-dd'T'HH:mm:ssZ", "2015-09-12T02:46:58+0200")).isEqualTo(T - 771);
    assertThat(text("MMM dd yyyy hh:mm a", "Sep 12 2015 12:46 AM")).isEqualTo(T - 58_771);
    assertThat(text("yyyy-MM-dd HH", "2015-09-12 05")).isEqualTo(1442016000000L + 5 * 3_600_000L);
    assertThatThrownBy(() -> text("yyyy-MM-dd", "12/09/2015")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TimestampFormat.of("yyyy-MM-dd bbb")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eachFormatEndToEnd() throws Exception {
    String[][] cases = {
        {"iso", "\"2015-09-12T00:46:58.771Z\""},
        {"auto", "1442018818771"},
        {"millis", "\"1442018818771\""},
        {"posix", "1442018818"},
        {"micro", "1442018818771000"},
        {"nano", "1442018818771000000"},
        {"yyyy-MM-dd HH:mm:ss.SSS", "\"2015-09-12 00:46:58.771\""},
    };
    for (String[] c : cases) {
      ObjectNode spec = Specs.inline("{\"when\":" + c[1] + ",\"x\":\"a\"}\n{\"when\":\"garbage\",\"x\":\"b\"}\n{\"x\":\"c\"}\n");
      Specs.set(spec, "/spec/dataSchema/timestampSpec", "{\"column\":\"when\",\"format\":\"" + c[0] + "\"}");
      var out = Specs.run(tmp.resolve(c[0].replaceAll("[^a-z]", "")), spec);

      assertThat(out.stat("processed")).as(c[0]).isEqualTo(1);
      assertThat(out.stat("unparseable")).as(c[0]).isEqualTo(2);
      long expected = c[0].equals("posix") ? T - 771 : T;
      assertThat(out.rows().get(0).get("__time").asLong()).as(c[0]).isEqualTo(expected);
    }
  }

  @Test
  void defaultColumnIsTimestampAndMissingValueFillsGaps() throws Exception {
    ObjectNode spec = Specs.inline("{\"timestamp\":\"2015-09-12T00:46:58.771Z\",\"x\":\"a\"}\n{\"x\":\"b\"}\n");
    Specs.set(spec, "/spec/dataSchema/timestampSpec", "{\"missingValue\":\"2015-09-12T01:00:00Z\"}");
    var out = Specs.run(tmp, spec);

    List<JsonNode> rows = out.rows();
    assertThat(rows).extracting(r -> r.get("__time").asLong()).containsExactly(T, 1442019600000L);
    assertThat(out.task().payload().at("/spec/dataSchema/timestampSpec").toString())
        .isEqualTo("{\"column\":\"timestamp\",\"format\":\"auto\",\"missingValue\":\"2015-09-12T01:00:00.000Z\"}");
  }
}
