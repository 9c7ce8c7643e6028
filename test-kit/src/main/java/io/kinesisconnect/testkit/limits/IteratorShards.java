package io.kinesisconnect.testkit.limits;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which shard each shard iterator reads, learnt from GetShardIterator answers and from the
 * NextShardIterator of GetRecords answers: a GetRecords request names only its iterator, and the
 * read limits are per shard.
 *
 * <p>Keeps the most recent {@value #CAPACITY} iterators; an iterator older than that is long
 * expired on AWS too (they live five minutes), and a reader holds only its latest one.
 */
final class IteratorShards {

    private static final int CAPACITY = 100_000;

    private final Map<String, ShardRef> shards =
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ShardRef> eldest) {
                    return size() > CAPACITY;
                }
            };

    synchronized void remember(String iterator, ShardRef shard) {
        if (iterator != null) {
            shards.put(iterator, shard);
        }
    }

    synchronized Optional<ShardRef> shardOf(String iterator) {
        return Optional.ofNullable(iterator == null ? null : shards.get(iterator));
    }
}
