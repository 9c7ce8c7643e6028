package io.kinesisconnect.sink.write.sdk;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which open shard of a stream takes a hash key, as ListShards described the stream. Closed shards
 * are kept only to tell, after resharding, whether a record that landed in one was in its range.
 */
public final class ShardMap {

    private final List<ShardRange> open;
    private final Map<String, ShardRange> byId = new HashMap<>();

    public ShardMap(Collection<ShardRange> shards) {
        this.open =
                shards.stream()
                        .filter(ShardRange::open)
                        .sorted(Comparator.comparing(ShardRange::start))
                        .toList();
        shards.forEach(s -> byId.put(s.shardId(), s));
    }

    /**
     * The open shard whose range holds {@code hashKey}.
     *
     * @throws IllegalStateException when no open shard covers it (the map is from mid-reshard)
     */
    public ShardRange shardFor(BigInteger hashKey) {
        int low = 0;
        int high = open.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            ShardRange r = open.get(mid);
            if (r.end().compareTo(hashKey) < 0) {
                low = mid + 1;
            } else if (r.start().compareTo(hashKey) > 0) {
                high = mid - 1;
            } else {
                return r;
            }
        }
        throw new IllegalStateException("no open shard covers hash key " + hashKey);
    }

    /** Whether the open shards cover the whole hash-key space without gaps. */
    public boolean complete() {
        BigInteger next = BigInteger.ZERO;
        for (ShardRange r : open) {
            if (!r.start().equals(next)) {
                return false;
            }
            next = r.end().add(BigInteger.ONE);
        }
        return next.equals(HashKeys.MAX.add(BigInteger.ONE));
    }

    /** The range of any shard, open or closed, that the map knows. */
    public Optional<ShardRange> range(String shardId) {
        return Optional.ofNullable(byId.get(shardId));
    }

    /** The open shards, by starting hash key. */
    public List<ShardRange> openShards() {
        return open;
    }
}
