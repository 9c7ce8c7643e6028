package io.kinesisconnect.common.translate;

import io.kinesisconnect.common.keys.SourceKeys;
import io.kinesisconnect.common.keys.StartupMode;
import io.kinesisconnect.common.spec.Diagnostics;
import io.kinesisconnect.common.spec.IngressSpec;
import io.kinesisconnect.common.spec.Origin;
import io.kinesisconnect.common.spec.StartupPosition;
import io.kinesisconnect.common.spec.StreamSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the source-specific keys of an ingress: streams, their topics and the startup position.
 */
final class SourceConfigTranslator {
    private final Diagnostics diagnostics;
    private final Optional<String> defaultTemplate;

    SourceConfigTranslator(Diagnostics diagnostics, Optional<String> defaultTemplate) {
        this.diagnostics = diagnostics;
        this.defaultTemplate = defaultTemplate;
    }

    void translate(IngressSpec ingress, Map<String, String> config) {
        Optional<TopicTemplate> template = template(ingress);
        List<String> streams = new ArrayList<>();
        for (StreamSpec stream : ingress.streams()) {
            streams.add(stream.stream());
            stream.valueType()
                    .ifPresent(t -> config.put(SourceKeys.streamValueType(stream.stream()), t));
            template.ifPresent(
                    t -> config.put(SourceKeys.streamTopics(stream.stream()), topics(t, stream)));
        }
        config.put(SourceKeys.STREAMS, String.join(",", streams));
        startup(ingress.startupPosition(), config);
    }

    /**
     * StateFun functions learn a message's type from the statefun.value.type header. When the
     * ingress' {@code x-kafka-connect.config} narrows {@code kinesis.headers} without {@code
     * value-type}, it is added back with a warning, so the override cannot break the functions.
     * Call this after the overrides are applied.
     */
    void keepValueTypeHeader(IngressSpec ingress, Map<String, String> config) {
        String headers = config.get(SourceKeys.HEADERS);
        boolean typed = ingress.streams().stream().anyMatch(s -> s.valueType().isPresent());
        if (headers == null || !typed) {
            return;
        }
        boolean kept =
                Arrays.stream(headers.split(","))
                        .anyMatch(h -> h.trim().equalsIgnoreCase(SourceKeys.HEADER_VALUE_TYPE));
        if (kept) {
            return;
        }
        config.put(
                SourceKeys.HEADERS,
                headers.isBlank()
                        ? SourceKeys.HEADER_VALUE_TYPE
                        : headers + "," + SourceKeys.HEADER_VALUE_TYPE);
        Origin o = ingress.extension().origin();
        diagnostics.warning(
                o.file(),
                o.path(),
                o.line(),
                "x-kafka-connect.config sets "
                        + SourceKeys.HEADERS
                        + "='"
                        + headers
                        + "' without '"
                        + SourceKeys.HEADER_VALUE_TYPE
                        + "'; it was added, because StateFun functions read each message's type"
                        + " from the statefun.value.type header");
    }

    private Optional<TopicTemplate> template(IngressSpec ingress) {
        Optional<String> fromSpec = ingress.extension().topicTemplate();
        String text = fromSpec.or(() -> defaultTemplate).orElse(TopicTemplate.DEFAULT);
        TopicTemplate.Result result = TopicTemplate.parse(text);
        result.problem()
                .ifPresent(
                        p -> {
                            Origin o =
                                    fromSpec.isPresent()
                                            ? ingress.extension().origin()
                                            : ingress.origin();
                            diagnostics.error(o.file(), o.path(), o.line(), p);
                        });
        return result.template();
    }

    /** The stream's targets as topics, fanned out and without repeats, in target order. */
    private String topics(TopicTemplate template, StreamSpec stream) {
        Set<String> topics = new LinkedHashSet<>();
        for (StreamSpec.Target target : stream.targets()) {
            String topic = template.render(target.namespace(), target.name(), stream.stream());
            Optional<String> problem = TopicTemplate.checkTopic(topic);
            if (problem.isPresent()) {
                Origin o = target.origin();
                diagnostics.error(
                        o.file(),
                        o.path(),
                        o.line(),
                        "target '"
                                + target
                                + "' gives topic "
                                + problem.get()
                                + "; choose another topic template");
            } else {
                topics.add(topic);
            }
        }
        return String.join(",", topics);
    }

    private static void startup(StartupPosition position, Map<String, String> config) {
        if (position instanceof StartupPosition.Earliest) {
            config.put(SourceKeys.STARTUP_POSITION, StartupMode.EARLIEST.configValue());
        } else if (position instanceof StartupPosition.AtDate d) {
            config.put(SourceKeys.STARTUP_POSITION, StartupMode.DATE.configValue());
            config.put(SourceKeys.STARTUP_DATE, d.date().toString());
        } else {
            config.put(SourceKeys.STARTUP_POSITION, StartupMode.LATEST.configValue());
        }
    }
}
