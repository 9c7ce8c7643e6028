package io.kinesisconnect.source.metrics;

/**
 * One shard's figures over JMX, as {@code io.kinesisconnect:type=kinesis-source-shard,
 * connector=<name>,task=<n>,stream=<stream>,shard=<shardId>}. The bean exists while the task owns
 * the shard and the shard is not finished.
 */
public interface KinesisSourceShardMetricsMXBean {

    /**
     * How far the last GetRecords answer (or enhanced fan-out event) was behind the tip of the
     * shard, in milliseconds, as Kinesis reported it; -1 until the first answer.
     */
    long getMillisBehindLatest();

    /** User records handed to Connect per second, over the last 30 seconds. */
    double getRecordsPerSecond();

    /** Payload bytes of those records per second, over the last 30 seconds. */
    double getBytesPerSecond();

    /** User records handed to Connect since the task started (after deaggregation). */
    long getRecordsTotal();

    /** Their payload bytes since the task started. */
    long getBytesTotal();

    /** GetRecords calls answered since the task started. */
    long getGetRecordsCalls();

    /** Calls Kinesis throttled since the task started. */
    long getThrottles();

    /** Shard iterators obtained again after the first: after an expiry or a transient error. */
    long getIteratorRefreshes();

    /**
     * Enhanced fan-out subscriptions to the shard opened again after the first: at the maximum age,
     * when Kinesis ended one, or after a lost connection. Always 0 with polling.
     */
    long getSubscriptionRenewals();

    /** Whether the shard waits for its parent shards to finish before it is read. */
    boolean isWaitingOnParents();
}
