package io.kinesisconnect.source.kinesis;

import java.util.List;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * The few Kinesis calls the source needs. The connector and the shard readers depend on this
 * interface rather than on the SDK client, so their logic is tested against a hand-written fake.
 */
public interface StreamProxy extends AutoCloseable {

    /**
     * Every shard of the stream, open and closed, following ListShards pagination. Always asks
     * Kinesis: nothing is cached here, so callers that must confirm a shard is gone get a fresh
     * answer.
     *
     * @throws software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException if the stream
     *     does not exist
     * @throws software.amazon.awssdk.services.kinesis.model.LimitExceededException when throttled;
     *     callers back off and retry
     */
    List<Shard> listShards(String stream);

    /** Whether the stream exists (DescribeStreamSummary), for validation. */
    boolean streamExists(String stream);

    /**
     * A shard iterator at the given position.
     *
     * @param position where to start; sequence-number positions carry the sequence number and
     *     timestamp positions the instant
     */
    String shardIterator(String stream, String shardId, IteratorPosition position);

    /**
     * One GetRecords call.
     *
     * @param iterator from {@link #shardIterator} or the previous response
     * @param limit at most this many Kinesis records (1 to 10,000)
     * @throws software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException when the
     *     iterator is older than five minutes
     * @throws software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException
     *     when the shard's read limit is exceeded
     */
    GetRecordsResponse getRecords(String iterator, int limit);

    @Override
    void close();
}
