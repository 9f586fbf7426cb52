package dev.druidtasks.conformance.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonShapeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode j(String s) throws Exception {
    return JSON.readTree(s.replace('\'', '"'));
  }

  @Test
  void valuesDifferButShapesAgree() throws Exception {
    assertThat(JsonShape.strict().differences(j("{'id':'a','n':1,'ok':true,'loc':{'host':'h'}}"),
        j("{'id':'b','n':2,'ok':false,'loc':{'host':'x'}}"))).isEmpty();
  }

  @Test
  void reportsMissingExtraAndRetypedKeysByPath() throws Exception {
    assertThat(JsonShape.strict().differences(j("{'a':1,'b':{'c':'x'}}"), j("{'b':{'c':3},'z':0}")))
        .containsExactlyInAnyOrder("$.a: missing", "$.b.c: number where the sample has string",
            "$.z: not in the sample");
  }

  @Test
  void arraysCompareEachElementWithTheFirstSample() throws Exception {
    assertThat(JsonShape.strict().differences(j("[{'id':'a'}]"), j("[{'id':'x'},{'id':2}]")))
        .containsExactly("$[1].id: number where the sample has string");
    assertThat(JsonShape.strict().differences(j("[{'id':'a'}]"), j("[]"))).isEmpty();
  }

  @Test
  void nullsFollowTheSampleAndTheApisNullableKeys() throws Exception {
    assertThat(JsonShape.strict().differences(j("{'errorMsg':null,'x':null}"), j("{'errorMsg':'boom','x':{}}")))
        .isEmpty();
    assertThat(JsonShape.strict().differences(j("{'location':{'host':'h'},'id':'a'}"),
        j("{'location':{'host':null},'id':null}"))).containsExactly("$.id: null where the sample has string");
  }

  @Test
  void openPathsAllowExtraKeysThere() throws Exception {
    JsonShape open = JsonShape.strict().openAt("$.*.payload");
    assertThat(open.differences(j("{'r':{'payload':{'a':1}}}"), j("{'r':{'payload':{'a':1,'b':2}}}"))).isEmpty();
    assertThat(open.differences(j("{'r':{'payload':{'a':1}}}"), j("{'r':{'payload':{'b':2}}}")))
        .containsExactly("$.r.payload.a: missing");
  }
}
