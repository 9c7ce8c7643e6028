package io.kinesisconnect.source.kinesis;

import io.kinesisconnect.common.aws.StreamQueries;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** {@link StreamProxy} over the AWS SDK v2 synchronous client. */
public final class SdkStreamProxy implements StreamProxy {

    private final KinesisClient client;

    public SdkStreamProxy(KinesisClient client) {
        this.client = client;
    }

    @Override
    public List<Shard> listShards(String stream) {
        return StreamQueries.listShards(client, stream);
    }

    @Override
    public boolean streamExists(String stream) {
        return StreamQueries.exists(client, stream);
    }

    @Override
    public String shardIterator(String stream, String shardId, IteratorPosition position) {
        GetShardIteratorRequest.Builder request =
                GetShardIteratorRequest.builder().streamName(stream).shardId(shardId);
        // Java 17 has no pattern switch; the sealed interface keeps this chain exhaustive in
        // spirit.
        if (position instanceof IteratorPosition.AtTimestamp at) {
            request.shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(at.timestamp());
        } else if (position instanceof IteratorPosition.AtSequenceNumber at) {
            request.shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                    .startingSequenceNumber(at.sequenceNumber());
        } else if (position instanceof IteratorPosition.AfterSequenceNumber after) {
            request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                    .startingSequenceNumber(after.sequenceNumber());
        } else {
            request.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
        }
        return client.getShardIterator(request.build()).shardIterator();
    }

    @Override
    public GetRecordsResponse getRecords(String iterator, int limit) {
        return client.getRecords(b -> b.shardIterator(iterator).limit(limit));
    }

    @Override
    public void close() {
        client.close();
    }
}
