package io.kinesisconnect.source.record;

import io.kinesisconnect.common.keys.RecordHeaders;

/** Names of the headers the source puts on every record. */
public final class KinesisHeaders {
    public static final String STREAM = RecordHeaders.STREAM;
    public static final String SHARD_ID = "kinesis.shard.id";
    public static final String SEQUENCE_NUMBER = "kinesis.sequence.number";
    public static final String SUBSEQUENCE_NUMBER = "kinesis.subsequence.number";
    public static final String ARRIVAL_TIMESTAMP = "kinesis.arrival.timestamp";
    public static final String VALUE_TYPE = "statefun.value.type";
    public static final String VALUE_ENCODING = "kinesis.value.encoding";

    private KinesisHeaders() {}
}
