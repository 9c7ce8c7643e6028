package io.kinesisconnect.common.spec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a YAML stream (one or more documents) into {@link YamlNode} trees that keep line numbers.
 * Jackson's streaming parser gives the line of every token; a tree of our own keeps it for later.
 */
final class YamlTreeReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final Pattern LOCATION = Pattern.compile("^ in '[^']*', line (\\d+)");

    private final SpecContext ctx;

    YamlTreeReader(SpecContext ctx) {
        this.ctx = ctx;
    }

    /** The documents of {@code content}; empty, with an error reported, if it is not valid YAML. */
    List<YamlNode> read(String content) {
        List<YamlNode> documents = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(content)) {
            JsonToken token = parser.nextToken();
            while (token != null) {
                documents.add(readValue(parser, token, ""));
                token = parser.nextToken();
            }
            return documents;
        } catch (JacksonException e) {
            ctx.error(
                    "",
                    lineOf(e.getLocation()),
                    "not valid YAML: " + summary(e.getOriginalMessage()));
        } catch (YAMLException e) {
            // SnakeYAML reports some problems (such as aliases it will not expand) without
            // wrapping.
            ctx.error("", 1, "not valid YAML: " + summary(e.getMessage()));
        } catch (IOException e) {
            ctx.error("", 1, "cannot read: " + e.getMessage());
        }
        return List.of();
    }

    private YamlNode readValue(JsonParser parser, JsonToken token, String path) throws IOException {
        int line = lineOf(parser.currentTokenLocation());
        switch (token) {
            case START_OBJECT:
                return readMapping(parser, path, line);
            case START_ARRAY:
                return readSequence(parser, path, line);
            case VALUE_NULL:
                return new YamlNode.Scalar("", true, line);
            default:
                String text = parser.getText();
                return new YamlNode.Scalar(text == null ? "" : text, false, line);
        }
    }

    private YamlNode readMapping(JsonParser parser, String path, int line) throws IOException {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
            String key = parser.currentName();
            int keyLine = lineOf(parser.currentTokenLocation());
            String keyPath = SpecPaths.child(path, key);
            YamlNode value = readValue(parser, parser.nextToken(), keyPath);
            if (entries.containsKey(key)) {
                ctx.error(
                        keyPath,
                        keyLine,
                        "duplicate key '"
                                + key
                                + "' (first on line "
                                + entries.get(key).keyLine()
                                + "); keep one");
            } else {
                entries.put(key, new YamlNode.Entry(key, keyLine, value));
            }
        }
        return new YamlNode.Mapping(entries, line);
    }

    private YamlNode readSequence(JsonParser parser, String path, int line) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            if (t == null) {
                throw new IOException("unexpected end of input");
            }
            items.add(readValue(parser, t, SpecPaths.index(path, items.size())));
        }
        return new YamlNode.Sequence(items, line);
    }

    private static int lineOf(JsonLocation location) {
        return location == null ? 1 : Math.max(1, location.getLineNr());
    }

    /**
     * SnakeYAML's multi-line message on one line: its sentences with the lines they refer to,
     * without the source excerpts.
     */
    private static String summary(String message) {
        if (message == null) {
            return "syntax error";
        }
        StringBuilder sb = new StringBuilder();
        for (String line : message.split("\n")) {
            Matcher m = LOCATION.matcher(line);
            if (m.find()) {
                sb.append(" (line ").append(m.group(1)).append(')');
            } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                sb.append(sb.length() == 0 ? "" : "; ").append(line.trim());
            }
        }
        return sb.length() == 0 ? "syntax error" : sb.toString();
    }
}
