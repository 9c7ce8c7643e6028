package io.kinesisconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.sink.write.sdk.AggregateBuilder;
import io.kinesisconnect.sink.write.sdk.HashKeys;
import io.kinesisconnect.source.record.Deaggregator;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * Aggregates built by the sink's sdk writer, read by this project's source: every user record comes
 * back exactly, with its partition key and explicit hash key, including records whose hash keys lie
 * outside the range of the shard the aggregate landed in (what resharding leaves behind). The
 * source must never drop those, as a range-checking reader would.
 */
class SdkAggregatesThroughTheSourceDeaggregatorTest {

    private record User(String partitionKey, String explicitHashKey, byte[] data) {}

    @Test
    void theSourceExpandsSdkAggregatesToExactlyTheirUserRecordsAndDropsNoneOutOfRange() {
        Random random = new Random(13);
        List<User> users = new ArrayList<>();
        AggregateBuilder aggregate = new AggregateBuilder();
        for (int i = 0; i < 200; i++) {
            byte[] data = new byte[1 + random.nextInt(100)];
            random.nextBytes(data);
            // hash keys from all over the space: most lie outside any one shard's range
            String hashKey = i % 2 == 0 ? new BigInteger(128, random).toString() : null;
            User u = new User("user-" + (i % 23), hashKey, data);
            users.add(u);
            aggregate.add(u.partitionKey(), u.explicitHashKey(), u.data());
        }
        // the aggregate landed in the lower quarter's shard, as after a split
        BigInteger shardEnd = HashKeys.MAX.shiftRight(2);
        long outOfRange =
                users.stream()
                        .map(u -> HashKeys.of(u.partitionKey(), u.explicitHashKey()))
                        .filter(h -> h.compareTo(shardEnd) > 0)
                        .count();
        Record landed =
                Record.builder()
                        .data(SdkBytes.fromByteArray(aggregate.encode()))
                        .partitionKey(users.get(0).partitionKey())
                        .sequenceNumber("49600000000000000000000000000000000000000000000000000001")
                        .approximateArrivalTimestamp(Instant.EPOCH)
                        .build();

        List<KinesisClientRecord> out = new Deaggregator(true).expand(List.of(landed));

        assertThat(outOfRange).as("records outside the landing shard's range").isGreaterThan(100);
        assertThat(out).hasSize(users.size());
        for (int i = 0; i < users.size(); i++) {
            assertThat(out.get(i).partitionKey()).isEqualTo(users.get(i).partitionKey());
            assertThat(out.get(i).explicitHashKey()).isEqualTo(users.get(i).explicitHashKey());
            assertThat(out.get(i).subSequenceNumber()).isEqualTo(i);
            ByteBuffer b = out.get(i).data().asReadOnlyBuffer();
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            assertThat(bytes).isEqualTo(users.get(i).data());
        }
    }
}
