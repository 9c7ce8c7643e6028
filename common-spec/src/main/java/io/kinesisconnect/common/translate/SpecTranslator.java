package io.kinesisconnect.common.translate;

import io.kinesisconnect.common.keys.ConnectKeys;
import io.kinesisconnect.common.keys.SinkKeys;
import io.kinesisconnect.common.keys.SourceKeys;
import io.kinesisconnect.common.spec.Component;
import io.kinesisconnect.common.spec.Diagnostics;
import io.kinesisconnect.common.spec.EgressSpec;
import io.kinesisconnect.common.spec.IngressSpec;
import io.kinesisconnect.common.spec.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Translates Kinesis components into Connect connector configs: one source per ingress, one sink
 * per egress. The same components and options always give the same output.
 */
public final class SpecTranslator {
    private final TranslationOptions options;

    public SpecTranslator(TranslationOptions options) {
        this.options = options;
    }

    public TranslationResult translate(List<Component> components) {
        Diagnostics diagnostics = new Diagnostics(false);
        SortedMap<String, String> secrets = new TreeMap<>();
        AwsSettingsTranslator aws =
                new AwsSettingsTranslator(diagnostics, options.secrets(), secrets);
        SourceConfigTranslator source =
                new SourceConfigTranslator(diagnostics, options.topicTemplate());
        SinkConfigTranslator sink =
                new SinkConfigTranslator(diagnostics, options.egressTopics(), aws);
        List<String> names = names(components);
        List<ConnectorConfig> configs = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            Component c = components.get(i);
            String name = names.get(i);
            Map<String, String> config = new TreeMap<>();
            config.put(ConnectKeys.NAME, name);
            aws.region(c.region(), config);
            aws.credentials(name, c.credentials(), config);
            rawBytesConverters(config);
            if (c instanceof IngressSpec ingress) {
                config.put(ConnectKeys.CONNECTOR_CLASS, SourceKeys.CONNECTOR_CLASS_NAME);
                aws.ingressClientProperties(name, ingress, config);
                source.translate(ingress, config);
            } else if (c instanceof EgressSpec egress) {
                config.put(ConnectKeys.CONNECTOR_CLASS, SinkKeys.CONNECTOR_CLASS_NAME);
                sink.translate(name, egress, config);
            }
            extraConfig(c, config, diagnostics);
            if (c instanceof IngressSpec ingress) {
                source.keepValueTypeHeader(ingress, config);
            }
            configs.add(new ConnectorConfig(name, new TreeMap<>(config)));
        }
        unknownTopicIds(components, diagnostics);
        return new TranslationResult(List.copyOf(configs), diagnostics.all(), secrets);
    }

    /**
     * A StateFun ingress hands functions the raw bytes of each Kinesis record, and an egress writes
     * the raw bytes a function produced, so a translated connector must not inherit the worker's
     * converters: a stock worker's JsonConverter would wrap every value in a schema envelope. The
     * key is the partition key, text. {@code x-kafka-connect.config} may still override both.
     */
    private static void rawBytesConverters(Map<String, String> config) {
        config.put(ConnectKeys.KEY_CONVERTER, ConnectKeys.STRING_CONVERTER);
        config.put(ConnectKeys.VALUE_CONVERTER, ConnectKeys.BYTE_ARRAY_CONVERTER);
    }

    private static List<String> names(List<Component> components) {
        List<String> wanted = new ArrayList<>();
        for (Component c : components) {
            String suffix = c instanceof IngressSpec ? "source" : "sink";
            wanted.add(c.extension().name().orElse(ConnectorNames.derive(c.id(), suffix)));
        }
        return ConnectorNames.deduplicate(wanted);
    }

    /** {@code x-kafka-connect.config} entries go last; they may override what we wrote. */
    private static void extraConfig(
            Component c, Map<String, String> config, Diagnostics diagnostics) {
        Origin o = c.extension().origin();
        c.extension()
                .config()
                .forEach(
                        (k, v) -> {
                            if (k.equals(ConnectKeys.NAME)
                                    || k.equals(ConnectKeys.CONNECTOR_CLASS)) {
                                diagnostics.error(
                                        o.file(),
                                        o.path(),
                                        o.line(),
                                        "x-kafka-connect.config must not set '"
                                                + k
                                                + "'; use x-kafka-connect.name for the connector name");
                                return;
                            }
                            if (config.containsKey(k)) {
                                diagnostics.warning(
                                        o.file(),
                                        o.path(),
                                        o.line(),
                                        "x-kafka-connect.config overrides the translated '"
                                                + k
                                                + "'");
                            }
                            config.put(k, v);
                        });
    }

    private void unknownTopicIds(List<Component> components, Diagnostics diagnostics) {
        for (String id : options.egressTopics().keySet()) {
            boolean found =
                    components.stream().anyMatch(c -> c instanceof EgressSpec && c.id().equals(id));
            if (!found) {
                diagnostics.error(
                        "--topics",
                        "",
                        1,
                        "no egress with id '"
                                + id
                                + "'; egress ids: "
                                + components.stream()
                                        .filter(c -> c instanceof EgressSpec)
                                        .map(Component::id)
                                        .toList());
            }
        }
    }
}
