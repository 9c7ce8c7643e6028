package io.kinesisconnect.testkit.limits;

/**
 * One rate that {@link KinesisLimits} sets, with AWS's published default and the key that sets it
 * in a proxy configuration file.
 */
public enum Limit {
    /** Bytes written per shard per second (data plus partition key), PutRecord and PutRecords. */
    WRITE_BYTES("write.bytes.per.second", 1024 * 1024, "bytes written per shard per second"),
    /** Records written per shard per second; a KPL-aggregated record counts as one. */
    WRITE_RECORDS("write.records.per.second", 1_000, "records written per shard per second"),
    /** GetRecords calls per shard per second, shared by every consumer of the shard. */
    READ_CALLS("read.calls.per.second", 5, "GetRecords calls per shard per second"),
    /** Bytes returned per shard per second; a large response is a debt repaid at this rate. */
    READ_BYTES("read.bytes.per.second", 2 * 1024 * 1024, "bytes read per shard per second"),
    /** GetShardIterator calls per shard per second. */
    GET_SHARD_ITERATOR("get.shard.iterator.per.second", 5, "GetShardIterator per shard per second"),
    /** ListShards calls per stream per second. */
    LIST_SHARDS("list.shards.per.second", 1_000, "ListShards per stream per second"),
    /** DescribeStreamSummary calls per account per second. */
    DESCRIBE_STREAM_SUMMARY(
            "describe.stream.summary.per.second", 20, "DescribeStreamSummary per second"),
    /** ListStreams calls per account per second. */
    LIST_STREAMS("list.streams.per.second", 5, "ListStreams per second"),
    /** RegisterStreamConsumer calls per account per second. */
    REGISTER_STREAM_CONSUMER(
            "register.stream.consumer.per.second", 5, "RegisterStreamConsumer per second");

    private final String key;
    private final long awsDefault;
    private final String description;

    Limit(String key, long awsDefault, String description) {
        this.key = key;
        this.awsDefault = awsDefault;
        this.description = description;
    }

    /** The key in a proxy configuration file. */
    public String key() {
        return key;
    }

    /** What AWS enforces on a provisioned stream. */
    public long awsDefault() {
        return awsDefault;
    }

    /** What is counted, for messages and help. */
    public String description() {
        return description;
    }
}
