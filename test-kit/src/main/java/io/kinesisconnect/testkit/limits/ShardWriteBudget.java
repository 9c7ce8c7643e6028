package io.kinesisconnect.testkit.limits;

/** The write budget of one shard: records and bytes per second, both needed for each record. */
final class ShardWriteBudget {

    private final TokenBucket records;
    private final TokenBucket bytes;

    ShardWriteBudget(KinesisLimits limits, long now) {
        this.records = limits.bucket(Limit.WRITE_RECORDS, now);
        this.bytes = limits.bucket(Limit.WRITE_BYTES, now);
    }

    /**
     * Admits one record of {@code size} bytes (data plus partition key, as AWS counts it) if both
     * budgets allow it, and spends both; otherwise spends neither, as AWS does for a refused entry.
     */
    boolean admit(long size, long now) {
        if (!records.has(1, now) || !bytes.tryTake(size, now)) {
            return false;
        }
        records.tryTake(1, now);
        return true;
    }
}
