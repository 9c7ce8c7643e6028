package io.kinesisconnect.common.spec;

import java.util.List;
import java.util.Map;

/** A YAML value that remembers the line it starts on, so every diagnostic can point at it. */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    /** The 1-based line where this value starts. */
    int line();

    /** A short phrase for messages, such as "a list". */
    String describe();

    /**
     * A scalar, kept as the text written in the file; {@code isNull} marks {@code ~}, {@code null}
     * and empty values.
     */
    record Scalar(String text, boolean isNull, int line) implements YamlNode {
        @Override
        public String describe() {
            return isNull ? "an empty value" : "the value '" + text + "'";
        }
    }

    /** A mapping with entries in file order; each entry remembers the line of its key. */
    record Mapping(Map<String, Entry> entries, int line) implements YamlNode {
        @Override
        public String describe() {
            return "a map";
        }
    }

    /** One key of a mapping and its value. */
    record Entry(String key, int keyLine, YamlNode value) {}

    /** A sequence. */
    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        @Override
        public String describe() {
            return "a list";
        }
    }
}
