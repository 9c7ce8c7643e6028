package io.kinesisconnect.sink.write.sdk;

import java.util.List;

/**
 * The two Kinesis calls the SDK writer makes. {@link SdkKinesisPutApi} implements them on the AWS
 * SDK v2; unit tests use a hand-written fake that throttles, fails entries and reshards on cue.
 */
public interface KinesisPutApi extends AutoCloseable {

    /**
     * Every shard of {@code stream}, open and closed, with its hash-key range.
     *
     * @throws RuntimeException when the call fails (unreachable endpoint, missing stream,
     *     throttling); the caller retries it
     */
    List<ShardRange> listShards(String stream);

    /**
     * One PutRecords call. Kinesis does not order the entries of one call among themselves.
     *
     * @return one result per entry, in the entries' order
     * @throws RuntimeException when the whole call fails; none, some or all entries may have been
     *     written
     */
    List<PutResult> putRecords(String stream, List<PutEntry> entries);

    @Override
    void close();

    /**
     * One PutRecords entry.
     *
     * @param partitionKey the Kinesis record's partition key
     * @param explicitHashKey a decimal hash key, or null
     * @param data the Kinesis record's data (an aggregate, or one user record's bytes)
     */
    record PutEntry(String partitionKey, String explicitHashKey, byte[] data) {}

    /**
     * The result of one entry: a shard and sequence number, or an error code.
     *
     * @param shardId where it landed, null when it failed
     * @param sequenceNumber its sequence number, null when it failed
     * @param errorCode such as ProvisionedThroughputExceededException or InternalFailure, null when
     *     written
     * @param errorMessage the error message, null when written
     */
    record PutResult(String shardId, String sequenceNumber, String errorCode, String errorMessage) {

        public boolean written() {
            return errorCode == null;
        }

        static PutResult written(String shardId, String sequenceNumber) {
            return new PutResult(shardId, sequenceNumber, null, null);
        }

        static PutResult failed(String errorCode, String errorMessage) {
            return new PutResult(null, null, errorCode, errorMessage);
        }
    }
}
