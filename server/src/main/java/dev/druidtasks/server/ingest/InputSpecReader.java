package dev.druidtasks.server.ingest;

import static dev.druidtasks.server.ingest.SpecFields.JSON;
import static dev.druidtasks.server.ingest.SpecFields.keepRest;
import static dev.druidtasks.server.ingest.SpecFields.optionalBoolean;
import static dev.druidtasks.server.ingest.SpecFields.optionalLong;
import static dev.druidtasks.server.ingest.SpecFields.optionalText;
import static dev.druidtasks.server.ingest.SpecFields.requiredText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.ingest.IngestionSpec.DelimitedFormat;
import dev.druidtasks.server.ingest.IngestionSpec.InlineInput;
import dev.druidtasks.server.ingest.IngestionSpec.InputFormat;
import dev.druidtasks.server.ingest.IngestionSpec.InputSource;
import dev.druidtasks.server.ingest.IngestionSpec.JsonFormat;
import dev.druidtasks.server.ingest.IngestionSpec.LocalInput;
import dev.druidtasks.server.task.InvalidTaskException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code spec.ioConfig.inputSource} and {@code inputFormat}: checked, local paths confined, defaults filled. */
final class InputSpecReader {
  private final PathConfinement confinement;

  InputSpecReader(PathConfinement confinement) {
    this.confinement = confinement;
  }

  InputSource inputSource(ObjectNode in, ObjectNode out) throws InvalidTaskException {
    String base = "spec.ioConfig.inputSource";
    String type = requiredText(in, "type", base + ".type");
    out.put("type", type);
    switch (type) {
      case "local": {
        confinement.checkLocalInputEnabled(base + ".type");
        String baseDir = optionalText(in, "baseDir", base + ".baseDir", null);
        String filter = optionalText(in, "filter", base + ".filter", null);
        JsonNode filesNode = in.get("files");
        List<Path> files = new ArrayList<>();
        ArrayNode filesOut = JSON.arrayNode();
        if (filesNode != null && !filesNode.isNull()) {
          if (!filesNode.isArray()) {
            throw new InvalidTaskException("Field [" + base + ".files] must be an array of paths");
          }
          for (int i = 0; i < filesNode.size(); i++) {
            JsonNode f = filesNode.get(i);
            if (!f.isTextual()) {
              throw new InvalidTaskException("Field [" + base + ".files[" + i + "]] must be a path");
            }
            files.add(confinement.resolveFile(f.asText(), base + ".files[" + i + "]"));
            filesOut.add(f.asText());
          }
        }
        if (baseDir == null && files.isEmpty()) {
          throw new InvalidTaskException("Missing required field [" + base + ".baseDir] (or [" + base + ".files])");
        }
        Path dir = null;
        if (baseDir != null) {
          if (filter == null) {
            throw new InvalidTaskException("Missing required field [" + base + ".filter]");
          }
          PathConfinement.globPattern(filter, base + ".filter");
          dir = confinement.resolveDirectory(baseDir, base + ".baseDir");
          out.put("baseDir", displayPath(baseDir));
          out.put("filter", filter);
        }
        if (!files.isEmpty()) {
          out.set("files", filesOut);
        }
        keepRest(out, in);
        return new LocalInput(dir, filter, files);
      }
      case "inline": {
        String data = requiredText(in, "data", base + ".data");
        out.put("data", data);
        keepRest(out, in);
        return new InlineInput(data);
      }
      default:
        throw new InvalidTaskException("Field [" + base + ".type]: input source type [" + type
            + "] is not supported (supported: local, inline)");
    }
  }

  /** As Druid writes a {@code File}: no trailing or doubled separators. */
  private static String displayPath(String given) {
    try {
      return Path.of(given).toString();
    } catch (RuntimeException e) {
      return given;
    }
  }

  static InputFormat inputFormat(ObjectNode in, ObjectNode out) throws InvalidTaskException {
    String base = "spec.ioConfig.inputFormat";
    String type = requiredText(in, "type", base + ".type");
    out.put("type", type);
    switch (type) {
      case "json": {
        JsonNode flatten = in.get("flattenSpec");
        if (flatten != null && flatten.isObject() && flatten.path("fields").size() > 0) {
          throw new InvalidTaskException("Field [" + base + ".flattenSpec.fields]: flattening is not supported");
        }
        out.put("keepNullColumns", optionalBoolean(in, "keepNullColumns", base + ".keepNullColumns", false));
        out.put("assumeNewlineDelimited",
            optionalBoolean(in, "assumeNewlineDelimited", base + ".assumeNewlineDelimited", false));
        out.put("useJsonNodeReader", optionalBoolean(in, "useJsonNodeReader", base + ".useJsonNodeReader", false));
        keepRest(out, in);
        return new JsonFormat();
      }
      case "csv":
      case "tsv": {
        boolean tsv = type.equals("tsv");
        String delimiter = tsv ? optionalText(in, "delimiter", base + ".delimiter", "\t") : ",";
        if (delimiter.isEmpty()) {
          throw new InvalidTaskException("Field [" + base + ".delimiter] cannot be empty");
        }
        List<String> columns = new ArrayList<>();
        JsonNode cols = in.get("columns");
        if (cols != null && !cols.isNull()) {
          if (!cols.isArray()) {
            throw new InvalidTaskException("Field [" + base + ".columns] must be an array of names");
          }
          for (JsonNode c : cols) {
            if (!c.isTextual()) {
              throw new InvalidTaskException("Field [" + base + ".columns] must be an array of names");
            }
            if (c.asText().contains(delimiter)) {
              throw new InvalidTaskException("Field [" + base + ".columns]: Column[" + c.asText()
                  + "] cannot have the delimiter[" + delimiter + "] in its name");
            }
            columns.add(c.asText());
          }
        }
        Boolean fromHeader = null;
        if (in.hasNonNull("findColumnsFromHeader")) {
          fromHeader = optionalBoolean(in, "findColumnsFromHeader", base + ".findColumnsFromHeader", false);
        } else if (in.hasNonNull("hasHeaderRow")) {
          fromHeader = optionalBoolean(in, "hasHeaderRow", base + ".hasHeaderRow", false);
        }
        if (columns.isEmpty() && (fromHeader == null || !fromHeader)) {
          throw new InvalidTaskException("Field [" + base + "]: Either [columns] or [findColumnsFromHeader] must be set");
        }
        boolean findColumns = fromHeader != null && fromHeader;
        long skip = optionalLong(in, "skipHeaderRows", base + ".skipHeaderRows", 0);
        if (skip < 0 || skip > Integer.MAX_VALUE) {
          throw new InvalidTaskException("Field [" + base + ".skipHeaderRows] must not be negative");
        }
        String listDelimiter = optionalText(in, "listDelimiter", base + ".listDelimiter", null);
        if (listDelimiter != null && (listDelimiter.isEmpty() || listDelimiter.equals(delimiter))) {
          throw new InvalidTaskException("Field [" + base + ".listDelimiter]: Cannot have same delimiter and list delimiter of ["
              + delimiter + "]");
        }
        if (tsv) {
          out.put("delimiter", delimiter);
        }
        if (!columns.isEmpty()) {
          ArrayNode colsOut = out.putArray("columns");
          columns.forEach(colsOut::add);
        }
        if (listDelimiter == null) {
          out.putNull("listDelimiter");
        } else {
          out.put("listDelimiter", listDelimiter);
        }
        out.put("findColumnsFromHeader", findColumns);
        out.put("skipHeaderRows", (int) skip);
        keepRest(out, in);
        out.remove("hasHeaderRow");
        return new DelimitedFormat(!tsv, delimiter, columns, findColumns, (int) skip, listDelimiter);
      }
      default:
        throw new InvalidTaskException("Field [" + base + ".type]: input format [" + type
            + "] is not supported (supported: json, csv, tsv)");
    }
  }
}
