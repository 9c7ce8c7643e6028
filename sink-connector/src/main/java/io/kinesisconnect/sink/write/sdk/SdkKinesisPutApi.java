package io.kinesisconnect.sink.write.sdk;

import io.kinesisconnect.common.aws.StreamQueries;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.Shard;

/** {@link KinesisPutApi} on a synchronous AWS SDK v2 Kinesis client, which it owns. */
public final class SdkKinesisPutApi implements KinesisPutApi {

    private final KinesisClient client;

    public SdkKinesisPutApi(KinesisClient client) {
        this.client = client;
    }

    @Override
    public List<ShardRange> listShards(String stream) {
        return StreamQueries.listShards(client, stream).stream()
                .map(SdkKinesisPutApi::range)
                .toList();
    }

    private static ShardRange range(Shard shard) {
        return new ShardRange(
                shard.shardId(),
                new BigInteger(shard.hashKeyRange().startingHashKey()),
                new BigInteger(shard.hashKeyRange().endingHashKey()),
                shard.sequenceNumberRange().endingSequenceNumber() == null);
    }

    @Override
    public List<PutResult> putRecords(String stream, List<PutEntry> entries) {
        List<PutRecordsRequestEntry> request = new ArrayList<>(entries.size());
        for (PutEntry e : entries) {
            request.add(
                    PutRecordsRequestEntry.builder()
                            .partitionKey(e.partitionKey())
                            .explicitHashKey(e.explicitHashKey())
                            .data(SdkBytes.fromByteArrayUnsafe(e.data()))
                            .build());
        }
        PutRecordsResponse response = client.putRecords(b -> b.streamName(stream).records(request));
        List<PutResult> results = new ArrayList<>(entries.size());
        for (PutRecordsResultEntry r : response.records()) {
            results.add(
                    r.errorCode() == null
                            ? PutResult.written(r.shardId(), r.sequenceNumber())
                            : PutResult.failed(r.errorCode(), r.errorMessage()));
        }
        if (results.size() != entries.size()) {
            throw new IllegalStateException(
                    "PutRecords answered "
                            + results.size()
                            + " results for "
                            + entries.size()
                            + " entries");
        }
        return results;
    }

    @Override
    public void close() {
        client.close();
    }
}
