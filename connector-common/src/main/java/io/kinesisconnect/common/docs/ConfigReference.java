package io.kinesisconnect.common.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.types.Password;

/**
 * Renders a connector's configuration reference in Markdown from its ConfigDef, so the docs never
 * restate a key by hand, and keeps the copy embedded in a README between two marker lines current.
 */
public final class ConfigReference {

    public static final String BEGIN =
            "<!-- config-reference:begin (generated from the ConfigDef) -->";
    public static final String END = "<!-- config-reference:end -->";

    private ConfigReference() {}

    /**
     * One table per group, in the ConfigDef's group order, keys in their order within the group.
     */
    public static String markdown(ConfigDef def) {
        StringBuilder md = new StringBuilder();
        for (String group : def.groups()) {
            md.append("\n#### ").append(group).append("\n\n");
            md.append("| key | type | default | valid values | description |\n");
            md.append("|---|---|---|---|---|\n");
            List<ConfigKey> keys =
                    def.configKeys().values().stream()
                            .filter(k -> group.equals(k.group))
                            .sorted((a, b) -> Integer.compare(a.orderInGroup, b.orderInGroup))
                            .toList();
            for (ConfigKey k : keys) {
                md.append("| `")
                        .append(k.name)
                        .append("` | ")
                        .append(k.type.name().toLowerCase(java.util.Locale.ROOT))
                        .append(" | ")
                        .append(defaultOf(k))
                        .append(" | ")
                        .append(k.validator == null ? "" : cell(k.validator.toString()))
                        .append(" | ")
                        .append(cell(k.documentation))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    /** Escapes text for one Markdown table cell. */
    public static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    /** The reference currently embedded in {@code readme} between the markers. */
    public static String embedded(Path readme) throws IOException {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(
                    readme + " has no " + BEGIN + " ... " + END + " section");
        }
        return text.substring(begin + BEGIN.length(), end);
    }

    /** Replaces the embedded reference in {@code readme} with {@code generated}. */
    public static void update(Path readme, String generated) throws IOException {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN) + BEGIN.length();
        int end = text.indexOf(END);
        Files.writeString(
                readme,
                text.substring(0, begin) + generated + text.substring(end),
                StandardCharsets.UTF_8);
    }

    private static String defaultOf(ConfigKey k) {
        if (!k.hasDefault() || k.defaultValue == null) {
            return "";
        }
        if (k.defaultValue instanceof Password) {
            return "(hidden)";
        }
        String v =
                k.defaultValue instanceof List<?> l
                        ? String.join(",", l.stream().map(String::valueOf).toList())
                        : String.valueOf(k.defaultValue);
        return v.isEmpty() ? "\"\"" : "`" + v + "`";
    }
}
