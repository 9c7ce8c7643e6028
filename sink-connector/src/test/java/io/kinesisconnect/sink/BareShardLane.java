package io.kinesisconnect.sink;

import io.kinesisconnect.sink.write.sdk.SdkWriterSettings;
import io.kinesisconnect.sink.write.sdk.ShardRange;
import io.kinesisconnect.sink.write.sdk.TokenBucket;
import java.util.ArrayDeque;

/**
 * One shard in the benchmarks' bare SDK loops: its hash-key range, its queue of record indexes, and
 * the same per-shard budgets the sdk writer keeps.
 */
final class BareShardLane {
    final ShardRange range;
    final ArrayDeque<Integer> queue = new ArrayDeque<>();
    final TokenBucket bytes;
    final TokenBucket records;

    BareShardLane(ShardRange range, SdkWriterSettings settings) {
        this.range = range;
        this.bytes = new TokenBucket(settings.shardBytesPerSecond(), System::nanoTime);
        this.records = new TokenBucket(settings.shardRecordsPerSecond(), System::nanoTime);
    }
}
