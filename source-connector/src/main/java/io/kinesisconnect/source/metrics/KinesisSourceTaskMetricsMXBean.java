package io.kinesisconnect.source.metrics;

/**
 * A source task's figures over JMX, as {@code io.kinesisconnect:type=kinesis-source-task,
 * connector=<name>,task=<n>}. Totals count since the task started, including shards it finished.
 */
public interface KinesisSourceTaskMetricsMXBean {

    /** Groups (a user record and its copies for other topics) waiting in the buffer for poll(). */
    int getBufferedGroups();

    /** How many groups the buffer holds at most ({@code kinesis.buffer.max.records}). */
    int getBufferCapacity();

    /** Shards the task owns and has not finished, waiting ones included. */
    int getShardsOwned();

    /** Owned shards that wait for their parent shards to finish. */
    int getShardsWaitingOnParents();

    /** Shards the task read to their end since it started. */
    long getShardsFinished();

    /** The largest MillisBehindLatest of the owned shards; -1 while none has an answer. */
    long getMaxMillisBehindLatest();

    /** User records handed to Connect per second, over the last 30 seconds. */
    double getRecordsPerSecond();

    /** Payload bytes per second, over the last 30 seconds. */
    double getBytesPerSecond();

    /** User records handed to Connect since the task started. */
    long getRecordsTotal();

    /** Their payload bytes since the task started. */
    long getBytesTotal();

    /** GetRecords calls answered since the task started. */
    long getGetRecordsCalls();

    /** Calls Kinesis throttled since the task started. */
    long getThrottles();

    /** Shard iterators obtained again after a shard's first. */
    long getIteratorRefreshes();

    /** Calls that failed and were retried (network errors, 5xx) since the task started. */
    long getTransientErrors();
}
