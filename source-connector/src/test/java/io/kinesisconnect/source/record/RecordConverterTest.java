package io.kinesisconnect.source.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.source.kinesis.ShardRef;
import io.kinesisconnect.source.offset.SourceOffsets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

class RecordConverterTest {

    private static final ShardRef SHARD = new ShardRef("orders", "shardId-000000000001");
    private static final ShardRef UNTYPED = new ShardRef("audit", "shardId-000000000000");
    private static final StreamRoutes ROUTES =
            new StreamRoutes(
                    Map.of("orders", List.of("orders-a", "orders-b"), "audit", List.of("audit")),
                    Map.of("orders", "com.example/Order"));
    private static final Instant ARRIVAL = Instant.parse("2026-11-29T10:15:30.123Z");

    @Test
    void everyHeaderByDefaultInItsDocumentedOrder() {
        List<SourceRecord> records =
                new RecordConverter(ROUTES).convert(SHARD, record("4959", 3, "hello"));
        assertThat(records).extracting(SourceRecord::topic).containsExactly("orders-a", "orders-b");
        SourceRecord first = records.get(0);
        assertThat(headers(first))
                .containsExactly(
                        "kinesis.stream=orders",
                        "kinesis.shard.id=shardId-000000000001",
                        "kinesis.sequence.number=4959",
                        "kinesis.subsequence.number=3",
                        "kinesis.arrival.timestamp=" + ARRIVAL.toEpochMilli(),
                        "statefun.value.type=com.example/Order");
        assertThat(first.key()).isEqualTo("pk");
        assertThat(first.value()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(first.timestamp()).isEqualTo(ARRIVAL.toEpochMilli());
        assertThat(first.sourcePartition()).isEqualTo(SourceOffsets.partition(SHARD));
        assertThat(first.sourceOffset())
                .isEqualTo(Map.of("sequence", "4959", "subsequence", 3L, "finished", false));
        // Fan-out copies share one offset, so one user record never advances the shard twice.
        assertThat(records.get(1).sourceOffset()).isSameAs(first.sourceOffset());
    }

    @Test
    void onlyTheSelectedHeadersAreWritten() {
        RecordConverter converter =
                new RecordConverter(
                        ROUTES,
                        false,
                        EnumSet.of(MetadataHeader.SEQUENCE, MetadataHeader.VALUE_TYPE));
        assertThat(headers(converter.convert(SHARD, record("77", 0, "x")).get(0)))
                .containsExactly(
                        "kinesis.sequence.number=77", "statefun.value.type=com.example/Order");
        assertThat(headers(converter.convert(UNTYPED, record("78", 0, "x")).get(0)))
                .as("a stream without a value type gets no value-type header")
                .containsExactly("kinesis.sequence.number=78");
    }

    @Test
    void noHeadersStillMarksBase64Values() {
        RecordConverter converter = new RecordConverter(ROUTES, true, Set.of());
        assertThat(converter.convert(SHARD, record("1", 0, "text")).get(0).headers()).isEmpty();
        KinesisClientRecord notUtf8 =
                record("2", 0, "x").toBuilder()
                        .data(ByteBuffer.wrap(new byte[] {(byte) 0xff}))
                        .build();
        assertThat(headers(converter.convert(SHARD, notUtf8).get(0)))
                .containsExactly("kinesis.value.encoding=base64");
    }

    @Test
    void recordsOfOneShardGetTheirOwnOffsetsAndHeaders() {
        RecordConverter.ForShard shard = new RecordConverter(ROUTES).forShard(SHARD);
        SourceRecord first = shard.convert(record("10", 0, "a")).get(0);
        SourceRecord second = shard.convert(record("11", 0, "b")).get(0);
        assertThat(first.sourceOffset().get("sequence")).isEqualTo("10");
        assertThat(second.sourceOffset().get("sequence")).isEqualTo("11");
        assertThat(headers(first)).contains("kinesis.sequence.number=10");
        assertThat(headers(second)).contains("kinesis.sequence.number=11");
        assertThat(first.headers()).isNotSameAs(second.headers());
    }

    private static KinesisClientRecord record(String sequence, long subSequence, String data) {
        return KinesisClientRecord.builder()
                .sequenceNumber(sequence)
                .subSequenceNumber(subSequence)
                .partitionKey("pk")
                .approximateArrivalTimestamp(ARRIVAL)
                .data(ByteBuffer.wrap(data.getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    private static List<String> headers(SourceRecord record) {
        List<String> out = new ArrayList<>();
        for (Header header : record.headers()) {
            out.add(header.key() + "=" + header.value());
        }
        return out;
    }
}
