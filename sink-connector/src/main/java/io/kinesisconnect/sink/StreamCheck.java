package io.kinesisconnect.sink;

import io.kinesisconnect.common.aws.StreamExistence;
import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.sink.record.InvalidRecordException;
import io.kinesisconnect.sink.route.StreamRouter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Kinesis whether the streams a config names exist. Only a definite "not found" is an error:
 * an endpoint that does not answer, or missing credentials, leave the check out.
 */
final class StreamCheck {

    private static final Logger log = LoggerFactory.getLogger(StreamCheck.class);

    private StreamCheck() {}

    /** Per config key, the streams it leads to that do not exist. */
    static Map<String, List<String>> missingStreams(
            Map<String, String> props, KinesisSinkConfig config) {
        Map<String, String> streamToKey = candidates(props, config);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (streamToKey.isEmpty()) {
            return errors;
        }
        Optional<List<String>> missing;
        try {
            missing =
                    StreamExistence.missing(
                            props, c -> new KinesisSinkConfig(c).aws(), streamToKey.keySet());
        } catch (IllegalStateException e) {
            log.info("Could not check whether the target streams exist: {}", e.toString());
            return Map.of();
        }
        for (String stream : missing.orElse(List.of())) {
            errors.computeIfAbsent(streamToKey.get(stream), k -> new ArrayList<>())
                    .add(
                            "stream '"
                                    + stream
                                    + "' does not exist"
                                    + config.aws().region().map(r -> " in " + r).orElse("")
                                    + config.aws().endpoint().map(u -> " at " + u).orElse(""));
        }
        return errors;
    }

    /** Stream name to the key that named it, for the streams known without seeing records. */
    static Map<String, String> candidates(Map<String, String> props, KinesisSinkConfig config) {
        Map<String, String> streams = new LinkedHashMap<>();
        List<String> topics =
                Arrays.stream(props.getOrDefault("topics", "").split(","))
                        .map(String::trim)
                        .filter(t -> !t.isEmpty())
                        .toList();
        config.streamMapping()
                .forEach(
                        (topic, template) ->
                                expand(template, topic)
                                        .ifPresent(
                                                s ->
                                                        streams.putIfAbsent(
                                                                s,
                                                                KinesisSinkConfig
                                                                        .STREAM_MAPPING_CONFIG)));
        config.streamTemplate()
                .ifPresent(
                        template -> {
                            boolean perTopic =
                                    template.contains(KinesisSinkConfig.TOPIC_PLACEHOLDER);
                            List<String> applies =
                                    perTopic
                                            ? topics.stream()
                                                    .filter(
                                                            t ->
                                                                    !config.streamMapping()
                                                                            .containsKey(t))
                                                    .toList()
                                            : List.of("");
                            for (String topic : applies) {
                                expand(template, topic)
                                        .ifPresent(
                                                s ->
                                                        streams.putIfAbsent(
                                                                s,
                                                                KinesisSinkConfig.STREAM_CONFIG));
                            }
                        });
        return streams;
    }

    private static Optional<String> expand(String template, String topic) {
        try {
            return Optional.of(StreamRouter.expand(template, topic));
        } catch (InvalidRecordException e) {
            return Optional.empty();
        }
    }
}
