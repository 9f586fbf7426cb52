package dev.druidtasks.conformance.report;

import dev.druidtasks.conformance.CaseResult;
import dev.druidtasks.conformance.ConformanceResult;
import dev.druidtasks.conformance.Outcome;
import dev.druidtasks.conformance.Tag;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The results as JUnit XML ({@code TEST-conformance.xml}), one testcase per case, classname = endpoint. */
public final class JUnitXmlReport {
  private JUnitXmlReport() {}

  public static void write(ConformanceResult result, URI target, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("testsuite");
      x.writeAttribute("name", "druid-tasks-conformance");
      x.writeAttribute("tests", Integer.toString(result.cases().size()));
      x.writeAttribute("failures", Long.toString(result.failed()));
      x.writeAttribute("errors", "0");
      x.writeAttribute("skipped", Long.toString(result.skipped() + result.count(Outcome.DISABLED)));
      x.writeAttribute("time", seconds(result.elapsed()));
      x.writeStartElement("properties");
      x.writeEmptyElement("property");
      x.writeAttribute("name", "target");
      x.writeAttribute("value", xmlText(target.toString()));
      x.writeEndElement();
      for (CaseResult r : result.cases()) {
        writeCase(x, r);
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write " + file, e);
    }
  }

  private static void writeCase(XMLStreamWriter x, CaseResult r) throws XMLStreamException {
    x.writeStartElement("testcase");
    x.writeAttribute("classname", xmlText(r.endpoint().operationId()));
    x.writeAttribute("name", xmlText(r.id() + " ["
        + r.tags().stream().map(Tag::label).sorted().collect(Collectors.joining(",")) + "]"));
    x.writeAttribute("time", seconds(r.elapsed()));
    switch (r.outcome()) {
      case FAIL -> {
        x.writeStartElement("failure");
        x.writeAttribute("message", xmlText(r.reason()));
        x.writeCharacters(xmlText(r.title() + "\nsource: " + r.source() + "\n" + r.reason()
            + (r.curl().isEmpty() ? "" : "\nreproduce: " + r.curl())));
        x.writeEndElement();
      }
      case SKIP, DISABLED -> {
        x.writeEmptyElement("skipped");
        x.writeAttribute("message", xmlText(r.outcome() + ": " + r.reason()));
      }
      default -> { }
    }
    x.writeEndElement();
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
  }

  /**
   * XML 1.0 cannot carry some characters at all, not even as character references (most C0 controls,
   * lone surrogates, U+FFFE/U+FFFF); hostile task ids contain them, so they are shown as {@code \\uXXXX}
   * text. The writer escapes markup characters itself.
   */
  static String xmlText(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else if (allowedInXml(c)) {
        out.append(c);
      } else {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return out.toString();
  }

  private static boolean allowedInXml(char c) {
    return c == '\t' || c == '\n' || c == '\r'
        || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
  }
}
