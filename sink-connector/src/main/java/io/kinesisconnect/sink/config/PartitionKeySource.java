package io.kinesisconnect.sink.config;

import io.kinesisconnect.common.config.ConfigChoice;

/** Where the Kinesis partition key of a record comes from. */
public enum PartitionKeySource implements ConfigChoice {
    /** The Kafka record key. */
    KEY,
    /** A record header. */
    HEADER,
    /** A field of a Struct or Map value. */
    FIELD,
    /** A random key per record: even spread, no ordering. */
    RANDOM
}
