package io.kinesisconnect.common.keys;

/** Config keys of the Kinesis source connector. */
public final class SourceKeys {
    public static final String CONNECTOR_CLASS_NAME =
            "io.kinesisconnect.source.KinesisSourceConnector";

    public static final String STREAMS = "kinesis.streams";

    /** The topic of a stream's records; {@code ${stream}} stands for the stream's name. */
    public static final String TOPIC_TEMPLATE = "kinesis.topic.template";

    public static final String STREAM_PREFIX = "kinesis.stream.";
    public static final String STREAM_TOPICS_SUFFIX = ".topics";
    public static final String STREAM_VALUE_TYPE_SUFFIX = ".value.type";

    /** Where shards without a stored offset start: a {@link StartupMode}. */
    public static final String STARTUP_POSITION = "kinesis.startup.position";

    public static final String STARTUP_DATE = "kinesis.startup.date";

    /** The enhanced fan-out consumer's name; the connector's name when unset. */
    public static final String EFO_CONSUMER_NAME = "kinesis.efo.consumer.name";

    /** Which metadata headers the source puts on records; see the source README. */
    public static final String HEADERS = "kinesis.headers";

    /** The {@link #HEADERS} entry for the StateFun value-type header. */
    public static final String HEADER_VALUE_TYPE = "value-type";

    private SourceKeys() {}

    /** {@code kinesis.stream.<stream>.topics}: the topics that records of one stream go to. */
    public static String streamTopics(String stream) {
        return STREAM_PREFIX + stream + STREAM_TOPICS_SUFFIX;
    }

    /** {@code kinesis.stream.<stream>.value.type}: the StateFun type url of a stream's values. */
    public static String streamValueType(String stream) {
        return STREAM_PREFIX + stream + STREAM_VALUE_TYPE_SUFFIX;
    }
}
