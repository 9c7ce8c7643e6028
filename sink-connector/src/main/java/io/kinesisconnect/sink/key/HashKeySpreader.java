package io.kinesisconnect.sink.key;

import java.math.BigInteger;

/**
 * Spreads N Kafka partitions evenly over the 128-bit hash-key space: partition p gets the middle of
 * the p-th of N equal slices. A stream whose shards split the space evenly (as CreateStream does)
 * then receives partition p on shard p when it has N shards, and never all partitions on one shard
 * when it has more than one.
 */
public final class HashKeySpreader {

    /** 2^128: the size of the Kinesis hash-key space. */
    static final BigInteger SPACE = BigInteger.ONE.shiftLeft(128);

    private HashKeySpreader() {}

    /** The explicit hash key, in decimal, for {@code partition} of {@code partitions}. */
    public static String hashKey(int partition, int partitions) {
        if (partitions <= 0) {
            throw new IllegalArgumentException("partitions must be positive, was " + partitions);
        }
        long slice = Math.floorMod(partition, partitions);
        // middle of slice p: (2p + 1) * 2^128 / (2N), always inside [0, 2^128 - 1]
        return SPACE.multiply(BigInteger.valueOf(2 * slice + 1))
                .divide(BigInteger.valueOf(2L * partitions))
                .toString();
    }
}
