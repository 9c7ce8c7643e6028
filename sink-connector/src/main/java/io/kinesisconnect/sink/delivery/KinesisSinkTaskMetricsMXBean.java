package io.kinesisconnect.sink.delivery;

/**
 * A sink task's figures over JMX, as {@code io.kinesisconnect:type=kinesis-sink-task,
 * connector=<name>,task=<n>}.
 */
public interface KinesisSinkTaskMetricsMXBean {

    /** Records put() received. */
    long getRecordsReceived();

    /** Records Kinesis acknowledged (a record written again counts once per acknowledgement). */
    long getRecordsWritten();

    /** Payload bytes Kinesis acknowledged. */
    long getBytesWritten();

    /** Re-sends after transient failures. */
    long getRetries();

    /** Records that could not be written: sent to the dead-letter queue or failed the task. */
    long getPermanentFailures();

    /** Tombstones skipped by policy. */
    long getTombstonesSkipped();

    /** Records in flight or waiting for a re-send now. */
    long getOutstandingRecords();

    /** The highest {@link #getOutstandingRecords()} seen since the task started. */
    long getMaxOutstandingRecords();

    /** Payload bytes of the records counted by {@link #getOutstandingRecords()}. */
    long getOutstandingBytes();

    /** The highest {@link #getOutstandingBytes()} seen since the task started. */
    long getMaxOutstandingBytes();

    /** Records received but waiting for room under the outstanding bounds (partitions paused). */
    long getParkedRecords();

    /** The highest {@link #getParkedRecords()} seen since the task started. */
    long getMaxParkedRecords();

    /**
     * User records that landed in a shard whose hash-key range does not hold their key: an
     * aggregate built before a reshard lands whole in one child. Counted by the sdk writer; 0 for
     * the kpl writer, which does not report it.
     */
    long getRecordsMisplaced();
}
