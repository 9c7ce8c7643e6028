package io.kinesisconnect.source.kinesis;

import java.time.Instant;

/** Where a shard iterator starts: the variants of GetShardIterator's ShardIteratorType. */
public sealed interface IteratorPosition {

    /** The oldest record still retained in the shard. */
    record TrimHorizon() implements IteratorPosition {}

    /** The first record that arrived at or after {@code timestamp}. */
    record AtTimestamp(Instant timestamp) implements IteratorPosition {}

    /** The record with this sequence number (used to re-read a partly emitted aggregate). */
    record AtSequenceNumber(String sequenceNumber) implements IteratorPosition {}

    /** The record right after this sequence number. */
    record AfterSequenceNumber(String sequenceNumber) implements IteratorPosition {}
}
