package dev.druidtasks.server.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns one input line into a row of named values (json, csv or tsv). */
final class LineParser {
  private final IngestionSpec.InputFormat format;
  private final ObjectMapper json;
  private List<String> columns;
  private int headerLinesLeft;

  LineParser(IngestionSpec.InputFormat format, ObjectMapper json) {
    this.format = format;
    this.json = json;
    this.columns = format.columns();
  }

  /** Called at the start of each file: header rows belong to each file. */
  void newFile() {
    headerLinesLeft = format.skipHeaderRows() + (format.findColumnsFromHeader() ? 1 : 0);
  }

  /** Null for a header or blank line; throws IllegalArgumentException for an unparseable one. */
  Map<String, Object> parse(String line) {
    if (line.isBlank()) {
      return null;
    }
    if ("json".equals(format.type())) {
      return parseJson(line);
    }
    List<String> values = split(line);
    if (headerLinesLeft > 0) {
      headerLinesLeft--;
      if (headerLinesLeft == 0 && format.findColumnsFromHeader()) {
        columns = values;
      }
      return null;
    }
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < columns.size() && i < values.size(); i++) {
      String v = values.get(i);
      if (format.listDelimiter() != null && v.contains(format.listDelimiter())) {
        row.put(columns.get(i), List.of(v.split(java.util.regex.Pattern.quote(format.listDelimiter()), -1)));
      } else {
        row.put(columns.get(i), v.isEmpty() ? null : v);
      }
    }
    return row;
  }

  private Map<String, Object> parseJson(String line) {
    JsonNode node;
    try {
      node = json.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Unable to parse row [" + line + "]: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("Unable to parse row [" + line + "]: not a JSON object");
    }
    Map<String, Object> row = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      JsonNode v = f.getValue();
      if (v.isNull()) {
        row.put(f.getKey(), null);
      } else if (v.isArray()) {
        List<String> values = new ArrayList<>();
        v.forEach(e -> values.add(e.isValueNode() ? e.asText() : e.toString()));
        row.put(f.getKey(), values);
      } else if (v.isNumber()) {
        row.put(f.getKey(), v.numberValue());
      } else if (v.isValueNode()) {
        row.put(f.getKey(), v.asText());
      } else {
        row.put(f.getKey(), v.toString());
      }
    }
    return row;
  }

  private List<String> split(String line) {
    List<String> out = new ArrayList<>();
    String delimiter = format.delimiter();
    if (!"csv".equals(format.type())) {
      for (String s : line.split(java.util.regex.Pattern.quote(delimiter), -1)) {
        out.add(s);
      }
      return out;
    }
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("Unable to parse row [" + line + "]: unterminated quote");
    }
    out.add(cur.toString());
    return out;
  }
}
