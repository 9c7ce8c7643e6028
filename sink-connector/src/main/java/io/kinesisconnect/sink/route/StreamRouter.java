package io.kinesisconnect.sink.route;

import io.kinesisconnect.common.aws.KinesisNames;
import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.sink.record.InvalidRecordException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;

/** Chooses the Kinesis stream of a record. Pure: the same record always gets the same stream. */
public sealed interface StreamRouter {

    /**
     * The stream for {@code record}.
     *
     * @throws InvalidRecordException when no stream applies or the name is not a stream name
     */
    String streamFor(SinkRecord record);

    /** The stream a topic's records go to without a header, if the topic alone decides it. */
    Optional<String> streamForTopic(String topic);

    /** Builds the router the config describes. */
    static StreamRouter from(KinesisSinkConfig config) {
        Optional<String> template = config.streamTemplate();
        return switch (config.streamRouting()) {
            case STATIC -> new Static(template.orElse(""));
            case MAPPING -> new Mapping(config.streamMapping(), template);
            case HEADER ->
                    new FromHeader(
                            config.streamHeader(), new Mapping(config.streamMapping(), template));
        };
    }

    /** Replaces {@code ${topic}} in {@code template} and checks the result is a stream name. */
    static String expand(String template, String topic) {
        String stream = template.replace(KinesisSinkConfig.TOPIC_PLACEHOLDER, topic);
        return checked(stream, "from template", template);
    }

    /** The stream name, or an error naming where it came from ({@code origin} '{@code source}'). */
    private static String checked(String stream, String origin, String source) {
        if (!KinesisNames.isStreamName(stream)) {
            throw new InvalidRecordException(
                    "'"
                            + stream
                            + "' "
                            + origin
                            + " '"
                            + source
                            + "' is not a Kinesis stream name (1 to 128 of a-z A-Z 0-9 _ . -)");
        }
        return stream;
    }

    /** Every record goes to one stream template. */
    record Static(String template) implements StreamRouter {
        @Override
        public String streamFor(SinkRecord record) {
            return expand(template, record.topic());
        }

        @Override
        public Optional<String> streamForTopic(String topic) {
            return Optional.of(expand(template, topic));
        }
    }

    /** Mapped topics go to their stream; others to the template, if any. */
    record Mapping(Map<String, String> streams, Optional<String> fallback) implements StreamRouter {
        public Mapping {
            streams = Map.copyOf(streams);
        }

        @Override
        public String streamFor(SinkRecord record) {
            return streamForTopic(record.topic())
                    .orElseThrow(
                            () ->
                                    new InvalidRecordException(
                                            "topic '"
                                                    + record.topic()
                                                    + "' is not in "
                                                    + KinesisSinkConfig.STREAM_MAPPING_CONFIG
                                                    + " and "
                                                    + KinesisSinkConfig.STREAM_CONFIG
                                                    + " is empty"));
        }

        @Override
        public Optional<String> streamForTopic(String topic) {
            String template = streams.get(topic);
            if (template != null) {
                return Optional.of(expand(template, topic));
            }
            return fallback.map(t -> expand(t, topic));
        }
    }

    /** The last header named {@code header} names the stream; without it, {@code otherwise}. */
    record FromHeader(String header, Mapping otherwise) implements StreamRouter {
        @Override
        public String streamFor(SinkRecord record) {
            Header h = record.headers().lastWithName(header);
            if (h == null || h.value() == null) {
                return otherwise.streamFor(record);
            }
            Object value = h.value();
            String stream =
                    value instanceof byte[] bytes
                            ? new String(bytes, StandardCharsets.UTF_8)
                            : value.toString();
            return checked(stream.trim(), "in header", header);
        }

        @Override
        public Optional<String> streamForTopic(String topic) {
            return otherwise.streamForTopic(topic);
        }
    }
}
