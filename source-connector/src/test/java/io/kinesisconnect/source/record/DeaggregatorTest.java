package io.kinesisconnect.source.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

class DeaggregatorTest {

    @Test
    void expandsAnAggregateIntoUserRecordsWithTheirOwnKeysAndSubsequenceNumbers() {
        Record aggregate =
                record("1", "outer", Aggregates.of(List.of("a", "b"), List.of("x", "y", "z")));

        List<KinesisClientRecord> users = new Deaggregator(true).expand(List.of(aggregate));

        assertThat(users)
                .extracting(KinesisClientRecord::partitionKey)
                .containsExactly("a", "b", "a");
        assertThat(users)
                .extracting(KinesisClientRecord::subSequenceNumber)
                .containsExactly(0L, 1L, 2L);
        assertThat(users).extracting(r -> text(r)).containsExactly("x", "y", "z");
        assertThat(users).allMatch(r -> r.sequenceNumber().equals("1"));
    }

    @Test
    void passesPlainRecordsThroughAndCanBeSwitchedOff() {
        Record plain = record("2", "k", "plain".getBytes(StandardCharsets.UTF_8));
        Record aggregate = record("3", "outer", Aggregates.of(List.of("a"), List.of("x", "y")));

        assertThat(new Deaggregator(true).expand(List.of(plain)))
                .extracting(DeaggregatorTest::text)
                .containsExactly("plain");
        assertThat(new Deaggregator(false).expand(List.of(aggregate))).hasSize(1);
    }

    @Test
    void aCorruptAggregateIsEmittedRawNotDropped() {
        byte[] bytes = Aggregates.of(List.of("a"), List.of("x", "y"));
        bytes[bytes.length - 1] ^= 0x5a; // break the MD5 trailer
        byte[] truncated = Arrays.copyOf(bytes, 12);

        List<KinesisClientRecord> badChecksum =
                new Deaggregator(true).expand(List.of(record("4", "k", bytes)));
        List<KinesisClientRecord> badBody =
                new Deaggregator(true).expand(List.of(record("5", "k", truncated)));

        assertThat(badChecksum)
                .singleElement()
                .satisfies(r -> assertThat(r.partitionKey()).isEqualTo("k"));
        assertThat(badBody)
                .singleElement()
                .satisfies(r -> assertThat(r.data().remaining()).isEqualTo(12));
    }

    private static Record record(String sequence, String key, byte[] data) {
        return Record.builder()
                .sequenceNumber(sequence)
                .partitionKey(key)
                .data(SdkBytes.fromByteArray(data))
                .build();
    }

    private static String text(KinesisClientRecord record) {
        byte[] bytes = new byte[record.data().remaining()];
        record.data().duplicate().get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
