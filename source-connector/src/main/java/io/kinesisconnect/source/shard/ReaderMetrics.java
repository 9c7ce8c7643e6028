package io.kinesisconnect.source.shard;

import io.kinesisconnect.source.kinesis.ShardRef;

/**
 * Where the readers' per-shard events go beyond the task's summary line, such as JMX beans. Calls
 * come from reader threads, one at a time per shard; an implementation must be thread-safe across
 * shards and must never throw, since metrics must not stop a reader.
 */
public interface ReaderMetrics {

    /** Discards every event: for tests and readers run without metrics. */
    ReaderMetrics NONE = new ReaderMetrics() {};

    /** The shard's parents are done and its reader starts reading it. */
    default void shardReading(ShardRef shard) {}

    /**
     * One GetRecords answer.
     *
     * @param records user records handed on (after deaggregation, without re-read duplicates)
     * @param bytes their payload bytes
     * @param millisBehindLatest what Kinesis reported, or null when it did not say
     */
    default void getRecords(ShardRef shard, int records, long bytes, Long millisBehindLatest) {}

    /** A call on the shard was throttled. */
    default void throttled(ShardRef shard) {}

    /** A shard iterator was obtained (GetShardIterator), at the start or after a lost one. */
    default void iteratorObtained(ShardRef shard) {}

    /**
     * An enhanced fan-out subscription to the shard was opened.
     *
     * @param renewal whether it replaces an earlier one (expired, ended, or lost), not the first
     */
    default void subscribed(ShardRef shard, boolean renewal) {}

    /** A call failed for a reason that is retried (network, 5xx). */
    default void transientError() {}

    /** The shard is finished, all its records handed on; its reader does no more work. */
    default void shardFinished(ShardRef shard) {}
}
