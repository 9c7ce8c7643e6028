package io.kinesisconnect.common.keys;

/**
 * Record header names that both connectors use: the source writes a record's stream under {@link
 * #STREAM}, and the sink's header routing reads that header by default, so that a record copied
 * from one stream can be routed back by name.
 */
public final class RecordHeaders {
    public static final String STREAM = "kinesis.stream";

    private RecordHeaders() {}
}
