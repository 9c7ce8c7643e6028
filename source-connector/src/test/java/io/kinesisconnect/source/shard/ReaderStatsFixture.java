package io.kinesisconnect.source.shard;

import io.kinesisconnect.source.kinesis.ShardRef;

/**
 * Feeds {@link ReaderStats} the events its shard readers report, for tests outside this package.
 */
public final class ReaderStatsFixture {

    private ReaderStatsFixture() {}

    /** One GetRecords batch of {@code records} user records and {@code bytes}. */
    public static void batch(
            ReaderStats stats, String shardId, int records, long bytes, long millisBehind) {
        stats.recordBatch(new ShardRef("s", shardId), records, bytes, millisBehind);
    }

    public static void throttled(ReaderStats stats) {
        stats.throttled(new ShardRef("s", "shardId-000000000000"));
    }

    public static void transientError(ReaderStats stats) {
        stats.transientError();
    }
}
