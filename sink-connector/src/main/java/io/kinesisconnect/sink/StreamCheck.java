package io.kinesisconnect.sink;

import io.kinesisconnect.common.aws.StreamExistence;
import io.kinesisconnect.common.aws.StreamVerdict;
import io.kinesisconnect.common.config.ConfigErrors;
import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.common.keys.SinkKeys;
import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.sink.record.InvalidRecordException;
import io.kinesisconnect.sink.route.StreamRouter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Asks Kinesis whether the streams a config names exist, through {@link StreamExistence}. */
final class StreamCheck {

    private StreamCheck() {}

    /**
     * Per config key, the problems found: streams that do not exist on the key that named them, and
     * rejected credentials or unusable AWS settings on the credentials key. An endpoint that cannot
     * be reached leaves the check out, with a warning.
     */
    static Map<String, List<String>> missingStreams(
            Map<String, String> props, KinesisSinkConfig config) {
        Map<String, String> streamToKey = candidates(props, config);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (streamToKey.isEmpty()) {
            return errors;
        }
        StreamVerdict verdict =
                StreamExistence.check(
                        props, c -> new KinesisSinkConfig(c).aws(), streamToKey.keySet());
        if (verdict instanceof StreamVerdict.CredentialsRejected rejected) {
            ConfigErrors.add(errors, AwsKeys.CREDENTIALS_PROVIDER, rejected.message());
        } else if (verdict instanceof StreamVerdict.Checked checked) {
            for (String stream : checked.missing()) {
                ConfigErrors.add(
                        errors,
                        streamToKey.get(stream),
                        "stream '"
                                + stream
                                + "' does not exist at "
                                + StreamExistence.where(config.aws()));
            }
        }
        return errors;
    }

    /** Stream name to the key that named it, for the streams known without seeing records. */
    static Map<String, String> candidates(Map<String, String> props, KinesisSinkConfig config) {
        Map<String, String> streams = new LinkedHashMap<>();
        List<String> topics =
                Arrays.stream(props.getOrDefault(SinkKeys.TOPICS, "").split(","))
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
