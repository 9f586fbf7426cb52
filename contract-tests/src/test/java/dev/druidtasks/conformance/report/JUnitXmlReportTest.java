package dev.druidtasks.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.druidtasks.conformance.CaseResult;
import dev.druidtasks.conformance.ConformanceResult;
import dev.druidtasks.conformance.Endpoint;
import dev.druidtasks.conformance.Outcome;
import dev.druidtasks.conformance.Tag;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JUnitXmlReportTest {
  @TempDir Path dir;

  /** Ids and reasons are the target's and the suite's hostile inputs: the file must stay well-formed XML. */
  @ParameterizedTest
  @ValueSource(strings = {
      "plain", "<tag>&amp;\"'", "control-\u0001-\u001f-\u007f", "nul-\u0000", "lone-\ud800-surrogate",
      "reversed-\udc00\ud800", "non-chars-\ufffe\uffff", "emoji-\ud83d\ude00", "tab\tnew\nline\rreturn",
      "]]> cdata end"})
  void hostileTextsStayWellFormedAndReadable(String text) throws Exception {
    CaseResult failed = new CaseResult(text, "title " + text, Endpoint.GET_TASKS, Set.of(Tag.DOC), Set.of(),
        "doc", Outcome.FAIL, "reason " + text, "curl '" + text + "'", Duration.ofMillis(12));
    CaseResult skipped = new CaseResult("skipped", "t", Endpoint.GET_TASKS, Set.of(Tag.DRUID), Set.of(), "doc",
        Outcome.SKIP, "why " + text, "", Duration.ZERO);
    Path file = dir.resolve("TEST-conformance.xml");

    JUnitXmlReport.write(new ConformanceResult(List.of(failed, skipped), Duration.ofSeconds(2)),
        URI.create("http://localhost:8888"), file);

    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    Element suite = doc.getDocumentElement();
    assertThat(suite.getAttribute("tests")).isEqualTo("2");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(suite.getAttribute("skipped")).isEqualTo("1");
    Element testcase = (Element) suite.getElementsByTagName("testcase").item(0);
    assertThat(testcase.getAttribute("name")).isEqualTo(asAttribute(text + " [doc]"));
    Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo(asAttribute("reason " + text));
    assertThat(failure.getTextContent()).contains(asText("title " + text)).contains(asText("reproduce: curl '" + text));
    Element skip = (Element) suite.getElementsByTagName("skipped").item(0);
    assertThat(skip.getAttribute("message")).isEqualTo(asAttribute("SKIP: why " + text));
  }

  /** What a parser gives back for an attribute: XML normalizes tabs and line ends in attributes to spaces. */
  private static String asAttribute(String s) {
    return JUnitXmlReport.xmlText(s).replaceAll("[\t\n\r]", " ");
  }

  /** What a parser gives back for text: XML turns every line end into a line feed. */
  private static String asText(String s) {
    return JUnitXmlReport.xmlText(s).replace("\r\n", "\n").replace('\r', '\n');
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0001", "\u0000", "\ud800", "\uffff"})
  void unrepresentableCharactersAreShownAsEscapes(String c) {
    assertThat(JUnitXmlReport.xmlText("a" + c + "b")).isEqualTo(String.format("a\\u%04x b", (int) c.charAt(0))
        .replace(" ", ""));
  }
}
