package io.kinesisconnect.sink.write.sdk;

import io.kinesisconnect.common.retry.ExponentialBackoff;
import io.kinesisconnect.sink.config.KinesisSinkConfig;

/**
 * What the SDK writer is allowed to do.
 *
 * @param aggregation whether user records of a shard are packed into KPL-format aggregates
 * @param maxAggregateBytes the most bytes of one aggregate (data plus its partition key)
 * @param maxAggregateRecords the most user records in one aggregate
 * @param shardBytesPerSecond each shard's byte bucket
 * @param shardRecordsPerSecond each shard's record bucket; an aggregate counts as one record
 * @param maxRetries how often a user record may be sent again before the writer gives up
 * @param backoff the wait before a shard's next attempt after its n-th consecutive failure
 */
public record SdkWriterSettings(
        boolean aggregation,
        int maxAggregateBytes,
        int maxAggregateRecords,
        long shardBytesPerSecond,
        long shardRecordsPerSecond,
        int maxRetries,
        ExponentialBackoff backoff) {

    /** Kinesis' limit on one record: data plus partition key. */
    public static final int MAX_RECORD_BYTES = 1024 * 1024;

    /** Kinesis' limits on one PutRecords call. */
    public static final int MAX_CALL_ENTRIES = 500;

    public static final int MAX_CALL_BYTES = 5 * 1024 * 1024;

    /** The settings of a sink config. */
    public static SdkWriterSettings from(KinesisSinkConfig config) {
        return new SdkWriterSettings(
                config.aggregationEnabled(),
                config.aggregationMaxBytes(),
                config.aggregationMaxRecords(),
                config.shardWriteBytesPerSecond(),
                config.shardWriteRecordsPerSecond(),
                config.maxRetries(),
                config.retryBackoffPolicy());
    }
}
