package io.kinesisconnect.source.record;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each stream's records go: one or more topics (a StateFun stream with several targets fans
 * out), and the StateFun value type to put in a header, if any.
 *
 * @param topicsByStream the topics of every configured stream, never empty
 * @param valueTypeByStream the value type of the streams that have one
 */
public record StreamRoutes(
        Map<String, List<String>> topicsByStream, Map<String, String> valueTypeByStream) {

    public StreamRoutes {
        topicsByStream = Map.copyOf(topicsByStream);
        valueTypeByStream = Map.copyOf(valueTypeByStream);
    }

    /** The topics of {@code stream}. */
    public List<String> topics(String stream) {
        List<String> topics = topicsByStream.get(stream);
        if (topics == null) {
            throw new IllegalArgumentException("Stream " + stream + " is not configured");
        }
        return topics;
    }

    /** The StateFun value type of {@code stream}, if configured. */
    public Optional<String> valueType(String stream) {
        return Optional.ofNullable(valueTypeByStream.get(stream));
    }

    /**
     * Expands a topic template: {@code ${stream}} becomes the stream name. Kinesis stream names
     * ([a-zA-Z0-9_.-]) are valid topic names, so the default template needs no escaping.
     */
    public static String expand(String template, String stream) {
        return template.replace("${stream}", stream);
    }
}
