package io.kinesisconnect.sink.write.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.kinesis.retrieval.AggregatorUtil;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

class AggregateBuilderTest {

    private record User(String partitionKey, String explicitHashKey, byte[] data) {}

    /** Deaggregates with the KCL, as the project's source and other KCL readers do. */
    static List<KinesisClientRecord> deaggregate(byte[] kinesisData, String outerKey) {
        Record record =
                Record.builder()
                        .data(SdkBytes.fromByteArray(kinesisData))
                        .partitionKey(outerKey)
                        .sequenceNumber("49000000000000000000000000000000000000000000000001")
                        .approximateArrivalTimestamp(Instant.EPOCH)
                        .build();
        return new AggregatorUtil().deaggregate(List.of(KinesisClientRecord.fromRecord(record)));
    }

    private static byte[] bytes(KinesisClientRecord r) {
        ByteBuffer b = r.data().asReadOnlyBuffer();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    @Test
    void userRecordsRoundTripThroughTheKclDeaggregatorWithExactKeysAndBytes() {
        Random random = new Random(7);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] data = new byte[random.nextInt(200)];
            random.nextBytes(data);
            String key = "key-" + (i % 17) + "-é";
            String hashKey =
                    i % 3 == 0 ? HashKeys.MAX.subtract(BigInteger.valueOf(i)).toString() : null;
            users.add(new User(key, hashKey, data));
        }
        AggregateBuilder builder = new AggregateBuilder();
        for (User u : users) {
            int predicted = builder.sizeWith(u.partitionKey(), u.explicitHashKey(), u.data());
            builder.add(u.partitionKey(), u.explicitHashKey(), u.data());
            assertThat(builder.size()).as("size predicted before adding").isEqualTo(predicted);
        }
        byte[] encoded = builder.encode();
        assertThat(encoded).hasSize(builder.size());
        assertThat(encoded).startsWith(AggregateBuilder.MAGIC);

        List<KinesisClientRecord> out = deaggregate(encoded, "outer");
        assertThat(out).hasSize(users.size());
        for (int i = 0; i < users.size(); i++) {
            KinesisClientRecord r = out.get(i);
            assertThat(r.aggregated()).isTrue();
            assertThat(r.subSequenceNumber()).isEqualTo(i);
            assertThat(r.partitionKey()).isEqualTo(users.get(i).partitionKey());
            assertThat(r.explicitHashKey()).isEqualTo(users.get(i).explicitHashKey());
            assertThat(bytes(r)).isEqualTo(users.get(i).data());
        }
    }

    @Test
    void aCorruptTrailerIsNotTakenForAnAggregate() {
        AggregateBuilder builder = new AggregateBuilder();
        builder.add("a", null, "one".getBytes(StandardCharsets.UTF_8));
        builder.add("b", null, "two".getBytes(StandardCharsets.UTF_8));
        byte[] encoded = builder.encode();
        encoded[encoded.length - 1] ^= 1;

        List<KinesisClientRecord> out = deaggregate(encoded, "outer");

        // the KCL hands a record with a bad MD5 back as one plain record: the trailer is checked
        assertThat(out).hasSize(1);
        assertThat(out.get(0).aggregated()).isFalse();
    }

    @Test
    void anEmptyPayloadAndTheLargestKeysEncode() {
        AggregateBuilder builder = new AggregateBuilder();
        String longKey = "k".repeat(256);
        builder.add(longKey, HashKeys.MAX.toString(), new byte[0]);
        builder.add(longKey, "0", new byte[] {1});

        List<KinesisClientRecord> out = deaggregate(builder.encode(), longKey);

        assertThat(out)
                .extracting(KinesisClientRecord::explicitHashKey)
                .containsExactly(HashKeys.MAX.toString(), "0");
        assertThat(bytes(out.get(0))).isEmpty();
        assertThat(bytes(out.get(1))).containsExactly(1);
    }
}
