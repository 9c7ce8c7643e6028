package io.kinesisconnect.sink.config;

import io.kinesisconnect.common.config.ConfigChoice;

/** Where the explicit hash key of a record comes from, if anywhere. */
public enum HashKeySource implements ConfigChoice {
    /** No explicit hash key: Kinesis hashes the partition key. */
    NONE,
    /** A record header holding a decimal hash key. */
    HEADER,
    /** The Kafka partition, spread evenly over the hash-key space. */
    PIN_PARTITION
}
