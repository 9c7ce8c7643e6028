package io.kinesisconnect.common.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads the {@code x-kafka-connect} extension of a component spec. */
final class ExtensionReader {
    private static final List<String> KEYS = List.of("name", "topics", "topicTemplate", "config");

    private ExtensionReader() {}

    static KafkaConnectExtension read(Fields spec) {
        String key = KafkaConnectExtension.KEY;
        Origin origin = spec.origin(key);
        if (!spec.has(key)) {
            spec.ignore(key);
            return KafkaConnectExtension.none(origin);
        }
        Optional<Fields> f = spec.map(key);
        if (f.isEmpty()) {
            return KafkaConnectExtension.none(origin);
        }
        Fields ext = f.get();
        KafkaConnectExtension result =
                new KafkaConnectExtension(
                        ext.string("name"),
                        topics(ext),
                        ext.string("topicTemplate"),
                        config(ext),
                        origin);
        ext.reportUnknown(KEYS, Map.of());
        return result;
    }

    private static List<String> topics(Fields ext) {
        Optional<YamlNode> node = ext.node("topics");
        List<String> topics = new ArrayList<>();
        if (node.isEmpty()) {
            return topics;
        }
        if (node.get() instanceof YamlNode.Scalar s && !s.isNull()) {
            Arrays.stream(s.text().split(","))
                    .map(String::trim)
                    .filter(t -> !t.isEmpty())
                    .forEach(topics::add);
        } else if (node.get() instanceof YamlNode.Sequence seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                YamlNode item = seq.items().get(i);
                if (item instanceof YamlNode.Scalar s && !s.isNull() && !s.text().isBlank()) {
                    topics.add(s.text().trim());
                } else {
                    ext.context()
                            .error(
                                    SpecPaths.index(ext.path("topics"), i),
                                    item.line(),
                                    "a topic must be a name, found " + item.describe());
                }
            }
        } else {
            ext.context()
                    .error(
                            ext.path("topics"),
                            ext.line("topics"),
                            "'topics' must be a list of topic names, found "
                                    + node.get().describe());
        }
        return topics;
    }

    private static Map<String, String> config(Fields ext) {
        Map<String, String> config = new TreeMap<>();
        ext.map("config")
                .ifPresent(
                        c -> {
                            for (String k : c.keys()) {
                                c.string(k).ifPresent(v -> config.put(k, v));
                            }
                        });
        return config;
    }
}
