package io.kinesisconnect.sink.write.sdk;

import java.math.BigInteger;

/**
 * One shard's hash-key range, both ends included.
 *
 * @param shardId the shard
 * @param start the starting hash key
 * @param end the ending hash key
 * @param open whether the shard still takes writes (it has no ending sequence number)
 */
public record ShardRange(String shardId, BigInteger start, BigInteger end, boolean open) {

    /** Whether {@code hashKey} falls into this range. */
    public boolean contains(BigInteger hashKey) {
        return start.compareTo(hashKey) <= 0 && hashKey.compareTo(end) <= 0;
    }
}
