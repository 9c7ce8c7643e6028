package io.kinesisconnect.sink.config;

import io.kinesisconnect.common.config.ConfigChoice;

/** What a record whose partition key source is null or empty gets as partition key. */
public enum NullKeyBehavior implements ConfigChoice {
    /** The Kafka partition number, so the keyless records of one partition share a shard. */
    KAFKA_PARTITION,
    /** A random key: spread over all shards, no ordering. */
    RANDOM,
    /** The record fails permanently: dead-letter queue or task failure. */
    FAIL
}
