package io.kinesisconnect.common.keys;

/** Config keys of the Kinesis sink connector. */
public final class SinkKeys {
    public static final String CONNECTOR_CLASS_NAME = "io.kinesisconnect.sink.KinesisSinkConnector";

    /** Connect's own key for the topics a sink reads. */
    public static final String TOPICS = "topics";

    public static final String MAX_OUTSTANDING_RECORDS = "kinesis.max.outstanding.records";
    public static final int MAX_OUTSTANDING_RECORDS_DEFAULT = 10_000;

    /** How the sink picks each record's stream: a {@link StreamRouting}. */
    public static final String STREAM_ROUTING = "kinesis.stream.routing";

    /** The fixed stream, or the fallback of the other routings. */
    public static final String STREAM = "kinesis.stream";

    /**
     * The header that names a record's stream under header routing; {@link RecordHeaders#STREAM} by
     * default.
     */
    public static final String STREAM_HEADER = "kinesis.stream.header";

    /** Prefix of KPL settings passed through as {@code kpl.<KplKey>}. */
    public static final String KPL_PREFIX = "kpl.";

    private SinkKeys() {}
}
