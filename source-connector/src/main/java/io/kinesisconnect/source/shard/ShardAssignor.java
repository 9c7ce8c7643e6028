package io.kinesisconnect.source.shard;

import io.kinesisconnect.source.kinesis.ShardRef;
import java.util.ArrayList;
import java.util.List;

/** Spreads shards over tasks: balanced, deterministic, never more groups than tasks.max. */
public final class ShardAssignor {

    private ShardAssignor() {}

    /**
     * Assigns shards round-robin in (stream, shardId) order.
     *
     * <p>Example: shards a/0, a/1, a/2, b/0, b/1 and maxTasks=2 give [a/0, a/2, b/1] and [a/1,
     * b/0]: 5 shards over min(2, 5) = 2 tasks, sizes differing by at most one. Sorting first makes
     * the answer independent of the order ListShards returned, so an unchanged shard set never
     * causes a needless task restart.
     *
     * @return one list per task; empty when there are no shards
     */
    public static List<List<ShardRef>> assign(List<ShardRef> shards, int maxTasks) {
        if (maxTasks < 1) {
            throw new IllegalArgumentException("maxTasks must be at least 1 but was " + maxTasks);
        }
        List<ShardRef> sorted = shards.stream().distinct().sorted().toList();
        int groups = Math.min(maxTasks, sorted.size());
        List<List<ShardRef>> assignment = new ArrayList<>(groups);
        for (int i = 0; i < groups; i++) {
            assignment.add(new ArrayList<>());
        }
        for (int i = 0; i < sorted.size(); i++) {
            assignment.get(i % groups).add(sorted.get(i));
        }
        return assignment;
    }
}
