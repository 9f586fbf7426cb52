package dev.druidtasks.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code transformSpec.filter}: rows that do not match are counted as thrown away. */
class FiltersTest {
  private static final String DATA = """
      {"ts":"2024-01-01T00:00:00Z","page":"apple","n":"5","tags":["x","y"]}
      {"ts":"2024-01-01T00:00:01Z","page":"banana","n":"10","tags":"z"}
      {"ts":"2024-01-01T00:00:02Z","page":"cherry","n":"9"}
      {"ts":"2024-01-01T00:00:03Z","page":"date","n":"100","tags":["y"]}
      {"ts":"2024-01-01T00:00:04Z","n":"-1"}
      """;

  @TempDir
  Path tmp;
  private int run;

  private List<String> kept(String filter) throws Exception {
    ObjectNode spec = Specs.inline(DATA);
    Specs.set(spec, "/spec/dataSchema/transformSpec", "{\"filter\":" + filter + "}");
    var out = Specs.run(tmp.resolve("r" + run++), spec);
    assertThat(out.result().succeeded()).isTrue();
    assertThat(out.stat("processed") + out.stat("thrownAway")).isEqualTo(5);
    assertThat(out.task().payload().at("/spec/dataSchema/transformSpec/filter")).isEqualTo(Specs.parse("{\"f\":" + filter + "}").get("f"));
    return out.rows().stream().map(r -> r.path("page").asText("-")).toList();
  }

  @Test
  void selector() throws Exception {
    assertThat(kept("{\"type\":\"selector\",\"dimension\":\"page\",\"value\":\"banana\"}")).containsExactly("banana");
    assertThat(kept("{\"type\":\"selector\",\"dimension\":\"tags\",\"value\":\"y\"}")).containsExactly("apple", "date");
    assertThat(kept("{\"type\":\"selector\",\"dimension\":\"page\",\"value\":null}")).containsExactly("-");
  }

  @Test
  void in() throws Exception {
    assertThat(kept("{\"type\":\"in\",\"dimension\":\"page\",\"values\":[\"cherry\",\"apple\",\"kiwi\"]}"))
        .containsExactly("apple", "cherry");
  }

  @Test
  void andOrNot() throws Exception {
    assertThat(kept("""
        {"type":"and","fields":[{"type":"selector","dimension":"tags","value":"y"},
                                {"type":"not","field":{"type":"selector","dimension":"page","value":"apple"}}]}"""))
        .containsExactly("date");
    assertThat(kept("""
        {"type":"or","fields":[{"type":"selector","dimension":"page","value":"apple"},
                               {"type":"selector","dimension":"page","value":"cherry"}]}"""))
        .containsExactly("apple", "cherry");
    assertThat(kept("{\"type\":\"not\",\"field\":{\"type\":\"in\",\"dimension\":\"page\",\"values\":[\"apple\",\"banana\"]}}"))
        .containsExactly("cherry", "date", "-");
  }

  @Test
  void boundLexicographic() throws Exception {
    assertThat(kept("{\"type\":\"bound\",\"dimension\":\"page\",\"lower\":\"b\",\"upper\":\"cherry\"}"))
        .containsExactly("banana", "cherry");
    assertThat(kept("{\"type\":\"bound\",\"dimension\":\"page\",\"lower\":\"banana\",\"upper\":\"cherry\",\"lowerStrict\":true,\"upperStrict\":true}"))
        .isEmpty();
    // as strings "10" < "5" < "9"
    assertThat(kept("{\"type\":\"bound\",\"dimension\":\"n\",\"upper\":\"5\",\"ordering\":\"lexicographic\"}"))
        .containsExactly("apple", "banana", "date", "-");
  }

  @Test
  void boundNumeric() throws Exception {
    assertThat(kept("{\"type\":\"bound\",\"dimension\":\"n\",\"lower\":\"5\",\"upper\":\"10\",\"ordering\":\"numeric\"}"))
        .containsExactly("apple", "banana", "cherry");
    assertThat(kept("{\"type\":\"bound\",\"dimension\":\"n\",\"lower\":\"5\",\"lowerStrict\":true,\"ordering\":\"numeric\"}"))
        .containsExactly("banana", "cherry", "date");
    assertThat(kept("{\"type\":\"bound\",\"dimension\":\"n\",\"upper\":\"0\",\"ordering\":\"numeric\"}"))
        .containsExactly("-");
  }

  @Test
  void newerFilterTypes() throws Exception {
    assertThat(kept("{\"type\":\"equals\",\"column\":\"page\",\"matchValueType\":\"STRING\",\"matchValue\":\"date\"}"))
        .containsExactly("date");
    assertThat(kept("{\"type\":\"null\",\"column\":\"tags\"}")).containsExactly("cherry", "-");
    assertThat(kept("{\"type\":\"range\",\"column\":\"n\",\"matchValueType\":\"LONG\",\"lower\":9,\"upperOpen\":true,\"upper\":100}"))
        .containsExactly("banana", "cherry");
    assertThat(kept("{\"type\":\"like\",\"dimension\":\"page\",\"pattern\":\"%an%\"}")).containsExactly("banana");
    assertThat(kept("{\"type\":\"regex\",\"dimension\":\"page\",\"pattern\":\"^[a-c]\"}"))
        .containsExactly("apple", "banana", "cherry");
  }

  @Test
  void filterOnTimeAndOnAColumnThatIsNotADimension() throws Exception {
    ObjectNode spec = Specs.inline(DATA);
    Specs.set(spec, "/spec/dataSchema/dimensionsSpec", "{\"dimensions\":[\"page\"]}");
    Specs.set(spec, "/spec/dataSchema/transformSpec", """
        {"filter":{"type":"and","fields":[
          {"type":"bound","dimension":"n","lower":"9","ordering":"numeric"},
          {"type":"bound","dimension":"__time","upper":"1704067202000","ordering":"numeric"}]}}""");
    var out = Specs.run(tmp, spec);

    assertThat(out.rows()).extracting(r -> r.get("page").asText()).containsExactly("banana", "cherry");
    assertThat(out.stat("thrownAway")).isEqualTo(3);
    JsonNode row = out.rows().get(0);
    assertThat(row.has("n")).isFalse();
  }
}
