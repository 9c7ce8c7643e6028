package io.kinesisconnect.common.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The spec's {@code x-kafka-connect} extension: what the translation needs that StateFun does not
 * say, such as the topics an egress reads.
 */
public record KafkaConnectExtension(
        Optional<String> name,
        List<String> topics,
        Optional<String> topicTemplate,
        Map<String, String> config,
        Origin origin) {

    public static final String KEY = "x-kafka-connect";

    public static KafkaConnectExtension none(Origin origin) {
        return new KafkaConnectExtension(
                Optional.empty(), List.of(), Optional.empty(), Map.of(), origin);
    }
}
