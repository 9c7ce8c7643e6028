package io.kinesisconnect.testkit.limits;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The open shards of one stream by hash-key range, to predict which shard a write lands on the way
 * Kinesis does: the MD5 of the partition key read as an unsigned 128-bit integer, or the explicit
 * hash key when the writer gives one.
 */
public final class ShardMap {

    /** One open shard and its inclusive hash-key range. */
    public record Range(String shardId, BigInteger startingHashKey, BigInteger endingHashKey) {
        boolean contains(BigInteger hashKey) {
            return startingHashKey.compareTo(hashKey) <= 0 && hashKey.compareTo(endingHashKey) <= 0;
        }
    }

    private final List<Range> ranges;

    /** A map of the stream's open shards; closed shards take no writes and must be left out. */
    public ShardMap(List<Range> openShards) {
        this.ranges =
                openShards.stream().sorted(Comparator.comparing(Range::startingHashKey)).toList();
    }

    /**
     * The shard a record with this partition key and optional explicit hash key lands on, or empty
     * when no open shard covers it (the map is stale: the stream was resharded).
     */
    public Optional<String> shardFor(String partitionKey, String explicitHashKey) {
        BigInteger hashKey =
                explicitHashKey != null && !explicitHashKey.isEmpty()
                        ? new BigInteger(explicitHashKey)
                        : hashKeyOf(partitionKey);
        return ranges.stream().filter(r -> r.contains(hashKey)).map(Range::shardId).findFirst();
    }

    /** The number of open shards. */
    public int size() {
        return ranges.size();
    }

    /** The MD5 of the UTF-8 partition key as an unsigned 128-bit integer, as Kinesis hashes it. */
    static BigInteger hashKeyOf(String partitionKey) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("MD5")
                            .digest(partitionKey.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM provides MD5", e);
        }
    }
}
