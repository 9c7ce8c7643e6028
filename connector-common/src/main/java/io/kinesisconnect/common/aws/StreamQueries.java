package io.kinesisconnect.common.aws;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * The read-only stream calls that the connectors' Kinesis seams, their validation and the test-kit
 * all make, written once: every shard of a stream, and whether a stream exists.
 */
public final class StreamQueries {

    private StreamQueries() {}

    /**
     * Every shard of {@code stream}, open and closed, through paginated ListShards.
     *
     * @throws ResourceNotFoundException when the stream does not exist
     * @throws software.amazon.awssdk.core.exception.SdkException when Kinesis fails or cannot be
     *     reached (the client's own retries spent)
     */
    public static List<Shard> listShards(KinesisClient client, String stream) {
        List<Shard> shards = new ArrayList<>();
        ListShardsResponse page = client.listShards(b -> b.streamName(stream));
        shards.addAll(page.shards());
        while (page.nextToken() != null) {
            String token = page.nextToken();
            // Kinesis rejects a request that names both the stream and a next token.
            page = client.listShards(b -> b.nextToken(token));
            shards.addAll(page.shards());
        }
        return shards;
    }

    /**
     * Whether {@code stream} exists, through DescribeStreamSummary.
     *
     * @throws software.amazon.awssdk.core.exception.SdkException for any failure other than the
     *     stream being missing, such as rejected credentials or an endpoint that does not answer
     */
    public static boolean exists(KinesisClient client, String stream) {
        try {
            client.describeStreamSummary(b -> b.streamName(stream));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }
}
