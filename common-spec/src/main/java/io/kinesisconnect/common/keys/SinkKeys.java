package io.kinesisconnect.common.keys;

/** Config keys of the Kinesis sink connector. */
public final class SinkKeys {
    public static final String CONNECTOR_CLASS_NAME = "io.kinesisconnect.sink.KinesisSinkConnector";

    /** Connect's own key for the topics a sink reads. */
    public static final String TOPICS = "topics";

    public static final String MAX_OUTSTANDING_RECORDS = "kinesis.max.outstanding.records";
    public static final int MAX_OUTSTANDING_RECORDS_DEFAULT = 1000;

    /** Prefix of KPL settings passed through as {@code kpl.<KplKey>}. */
    public static final String KPL_PREFIX = "kpl.";

    private SinkKeys() {}
}
