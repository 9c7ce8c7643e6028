package io.kinesisconnect.source.shard;

import io.kinesisconnect.source.kinesis.IteratorPosition;
import io.kinesisconnect.source.kinesis.ShardRef;
import io.kinesisconnect.source.kinesis.StreamProxy;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;

/**
 * Finds out whether a shard is closed and has nothing after a position, through the listing and one
 * GetRecords. Enhanced fan-out learns of a shard's end from ChildShards in its last event, but some
 * endpoints (kinesis-mock) never send them; this is the fallback.
 */
final class ClosedShardProbe {

    private final StreamProxy proxy;

    ClosedShardProbe(StreamProxy proxy) {
        this.proxy = proxy;
    }

    /**
     * @param after the position just past the last record handed over
     * @return true only when the listing shows the shard closed and GetRecords from {@code after}
     *     returns no record and no next iterator; false when unsure
     */
    boolean readToEnd(ShardRef shard, IteratorPosition after) {
        boolean closed =
                proxy.listShards(shard.stream()).stream()
                        .filter(listed -> listed.shardId().equals(shard.shardId()))
                        .anyMatch(
                                listed ->
                                        listed.sequenceNumberRange() != null
                                                && listed.sequenceNumberRange()
                                                                .endingSequenceNumber()
                                                        != null);
        if (!closed) {
            return false;
        }
        String iterator = proxy.shardIterator(shard.stream(), shard.shardId(), after);
        GetRecordsResponse response = proxy.getRecords(iterator, 1);
        return response.records().isEmpty() && response.nextShardIterator() == null;
    }
}
