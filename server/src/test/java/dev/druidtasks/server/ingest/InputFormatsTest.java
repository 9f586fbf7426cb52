package dev.druidtasks.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFormatsTest {
  @TempDir
  Path tmp;

  @Test
  void jsonKeepsTopLevelFieldsAsStringDimensions() throws Exception {
    String data = """
        {"ts":"2024-01-01T01:00:00Z","s":"plain","n":12,"f":12.50,"b":true,"obj":{"x":1,"y":"a\\"b"},"arr":["z","a","m"],"nul":null,"esc":"tab\\there"}

        {"ts":"2024-01-01T02:00:00Z","one":["solo"],"empty":[]}
        """;
    var out = Specs.run(tmp, Specs.inline(data));

    assertThat(out.result().succeeded()).isTrue();
    assertThat(out.stat("processed")).isEqualTo(2);
    assertThat(out.stat("processedBytes")).isEqualTo(data.getBytes(StandardCharsets.UTF_8).length);
    List<JsonNode> rows = out.rows();
    JsonNode r = rows.get(0);
    assertThat(r.get("__time").asLong()).isEqualTo(1704070800000L);
    assertThat(r.get("s").asText()).isEqualTo("plain");
    assertThat(r.get("n").asText()).isEqualTo("12");
    assertThat(r.get("n").isTextual()).isTrue();
    assertThat(r.get("f").asText()).isEqualTo("12.5");
    assertThat(r.get("b").asText()).isEqualTo("true");
    assertThat(r.get("obj").asText()).isEqualTo("{\"x\":1,\"y\":\"a\\\"b\"}");
    assertThat(r.get("arr").toString()).isEqualTo("[\"a\",\"m\",\"z\"]");
    assertThat(r.has("nul")).isFalse();
    assertThat(r.get("esc").asText()).isEqualTo("tab\there");
    JsonNode second = rows.get(1);
    assertThat(second.get("one").asText()).isEqualTo("solo");
    assertThat(second.has("empty")).isFalse();
    assertThat(out.segments().get(0).dimensions()).containsExactly("s", "n", "f", "b", "obj", "arr", "esc", "one");
  }

  @Test
  void schemaDiscoveryKeepsJsonTypes() throws Exception {
    ObjectNode spec = Specs.inline("""
        {"ts":"2024-01-01T01:00:00Z","n":12,"f":1.5,"b":false,"obj":{"x":[1,2]},"arr":[3,"x"]}
        """);
    Specs.set(spec, "/spec/dataSchema/dimensionsSpec", "{\"useSchemaDiscovery\": true}");
    JsonNode r = Specs.run(tmp, spec).rows().get(0);

    assertThat(r.get("n").isInt()).isTrue();
    assertThat(r.get("f").asDouble()).isEqualTo(1.5);
    assertThat(r.get("b").isBoolean()).isTrue();
    assertThat(r.get("obj").toString()).isEqualTo("{\"x\":[1,2]}");
    assertThat(r.get("arr").toString()).isEqualTo("[3,\"x\"]");
  }

  @Test
  void explicitDimensionsAreTypedAndOrdered() throws Exception {
    ObjectNode spec = Specs.inline("""
        {"ts":"2024-01-01T01:00:00Z","a":"x","l":"42","d":"2.5","fl":3,"other":"dropped","mv":["b","a","b"]}
        """);
    Specs.set(spec, "/spec/dataSchema/dimensionsSpec", """
        {"dimensions": [{"type":"long","name":"l"}, "a", {"type":"double","name":"d"}, {"type":"float","name":"fl"},
                        {"type":"string","name":"mv","multiValueHandling":"SORTED_SET"}]}""");
    var out = Specs.run(tmp, spec);
    JsonNode r = out.rows().get(0);

    assertThat(r.toString()).isEqualTo("{\"__time\":1704070800000,\"l\":42,\"a\":\"x\",\"d\":2.5,\"fl\":3.0,\"mv\":[\"a\",\"b\"]}");
    assertThat(out.segments().get(0).dimensions()).containsExactly("l", "a", "d", "fl", "mv");
  }

  @Test
  void csvWithHeaderAndQuotedFields() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(dir.resolve("a.csv"), """
        ts,name,comment,tags
        2024-01-01T00:00:00Z,alice,"hello, world",x|y
        2024-01-01T01:00:00Z,bob,"she said ""hi""\",
        2024-01-01T02:00:00Z,"carol",plain,"z"
        """);
    ObjectNode spec = Specs.local("in", "*.csv");
    Specs.set(spec, "/spec/ioConfig/inputFormat", "{\"type\":\"csv\",\"findColumnsFromHeader\":true,\"listDelimiter\":\"|\"}");
    var out = Specs.run(tmp, spec);

    assertThat(out.stat("processed")).isEqualTo(3);
    List<JsonNode> rows = out.rows();
    assertThat(rows.get(0).get("comment").asText()).isEqualTo("hello, world");
    assertThat(rows.get(0).get("tags").toString()).isEqualTo("[\"x\",\"y\"]");
    assertThat(rows.get(1).get("comment").asText()).isEqualTo("she said \"hi\"");
    assertThat(rows.get(1).get("tags").asText()).isEmpty();
    assertThat(rows.get(2).get("name").asText()).isEqualTo("carol");
    assertThat(rows.get(0).has("ts")).isFalse();
    assertThat(out.task().payload().at("/spec/ioConfig/inputFormat").toString()).isEqualTo(
        "{\"type\":\"csv\",\"listDelimiter\":\"|\",\"findColumnsFromHeader\":true,\"skipHeaderRows\":0}");
  }

  @Test
  void csvWithColumnsAndSkippedHeaderRows() throws Exception {
    ObjectNode spec = Specs.inline("""
        some preamble
        ts,page,count
        2024-01-01T00:00:00Z,Main,7
        2024-01-01T00:00:01Z,Talk,8,extra
        """);
    Specs.set(spec, "/spec/ioConfig/inputFormat",
        "{\"type\":\"csv\",\"columns\":[\"ts\",\"page\",\"count\"],\"skipHeaderRows\":2}");
    var out = Specs.run(tmp, spec);

    assertThat(out.stat("processed")).isEqualTo(2);
    assertThat(out.rows().get(1).toString()).isEqualTo("{\"__time\":1704067201000,\"page\":\"Talk\",\"count\":\"8\"}");
  }

  @Test
  void tsvSplitsOnTheDelimiter() throws Exception {
    ObjectNode spec = Specs.inline("ts\tpage\tnote\n2024-01-01T00:00:00Z\tMain\t\"quoted\"\n");
    Specs.set(spec, "/spec/ioConfig/inputFormat", "{\"type\":\"tsv\",\"findColumnsFromHeader\":true}");
    var out = Specs.run(tmp, spec);

    assertThat(out.rows().get(0).get("note").asText()).isEqualTo("\"quoted\"");
    assertThat(out.task().payload().at("/spec/ioConfig/inputFormat/delimiter").asText()).isEqualTo("\t");

    ObjectNode pipes = Specs.inline("2024-01-01T00:00:00Z|Main|a;b\n");
    Specs.set(pipes, "/spec/ioConfig/inputFormat",
        "{\"type\":\"tsv\",\"delimiter\":\"|\",\"columns\":[\"ts\",\"page\",\"mv\"],\"listDelimiter\":\";\"}");
    JsonNode r = Specs.run(tmp.resolve("2"), pipes).rows().get(0);
    assertThat(r.get("page").asText()).isEqualTo("Main");
    assertThat(r.get("mv").toString()).isEqualTo("[\"a\",\"b\"]");
  }

  @Test
  void gzipFilesAreReadByName() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("in/sub"));
    String content = "{\"ts\":\"2024-01-01T00:00:00Z\",\"x\":\"1\"}\n{\"ts\":\"2024-01-01T00:00:01Z\",\"x\":\"2\"}\n";
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(dir.resolve("part.json.gz")))) {
      o.write(content.getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(tmp.resolve("in/plain.json"), "{\"ts\":\"2024-01-01T00:00:02Z\",\"x\":\"3\"}");
    Files.writeString(tmp.resolve("in/ignored.txt"), "not json");
    var out = Specs.run(tmp, Specs.local("in", "*.json*"));

    assertThat(out.stat("processed")).isEqualTo(3);
    assertThat(out.stat("processedBytes")).isEqualTo(content.length() + 37);
    assertThat(out.rows()).extracting(r -> r.get("x").asText()).containsExactly("1", "2", "3");
    assertThat(out.execution().log).anyMatch(l -> l.startsWith("INFO Found 2 input(s)"));
  }

  @Test
  void filesListIsRead() throws Exception {
    Files.writeString(tmp.resolve("one.json"), "{\"ts\":\"2024-01-01T00:00:00Z\",\"x\":\"1\"}\n");
    ObjectNode spec = Specs.inline("");
    Specs.set(spec, "/spec/ioConfig/inputSource", "{\"type\":\"local\",\"files\":[\"one.json\"]}");
    var out = Specs.run(tmp, spec);

    assertThat(out.stat("processed")).isEqualTo(1);
    assertThat(out.task().payload().at("/spec/ioConfig/inputSource/files/0").asText()).isEqualTo("one.json");
  }

  @Test
  void windowsLineEndingsAreAccepted() throws Exception {
    var out = Specs.run(tmp, Specs.inline("{\"ts\":\"2024-01-01T00:00:00Z\",\"x\":\"1\"}\r\n{\"ts\":\"2024-01-01T00:00:01Z\",\"x\":\"2\"}\r\n"));

    assertThat(out.stat("processed")).isEqualTo(2);
    assertThat(out.stat("unparseable")).isZero();
    assertThat(out.stat("processedBytes")).isEqualTo(78);
  }
}
