package io.kinesisconnect.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.processes.StreamContents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * What every emulator must do for the rest of the suite to mean anything: what PutRecords wrote
 * across several shards comes back from GetRecords byte for byte.
 */
abstract class EmulatorRoundTripContract {

    private static final int SHARDS = 4;
    private static final int RECORDS = 1_000;
    private static final int BATCH = 500;

    /** The extension of the concrete class, holding the emulator under test. */
    abstract KinesisEmulatorExtension kinesis();

    @Test
    void recordsWrittenWithPutRecordsComeBackByteForByteFromEveryShard() {
        String stream = kinesis().streams().create("round-trip", SHARDS);
        Map<String, byte[]> written = randomRecords(new Random(42));

        putAll(kinesis().client(), stream, written);

        StreamContents landed = kinesis().reader().readAll(stream);
        assertThat(landed.size()).isEqualTo(RECORDS);
        assertThat(landed.kinesisRecordCount()).isEqualTo(RECORDS);
        assertThat(landed.countByShard()).hasSize(SHARDS);
        Map<String, byte[]> read = new HashMap<>();
        landed.records().forEach(record -> read.put(record.partitionKey(), record.data()));
        assertThat(read.keySet()).isEqualTo(written.keySet());
        written.forEach(
                (key, bytes) -> assertThat(read.get(key)).as("data of " + key).isEqualTo(bytes));
    }

    private static Map<String, byte[]> randomRecords(Random random) {
        Map<String, byte[]> records = new HashMap<>();
        for (int i = 0; i < RECORDS; i++) {
            // Every byte value, including ones that are not valid UTF-8, and sizes up to 2 KB.
            byte[] data = new byte[1 + random.nextInt(2048)];
            random.nextBytes(data);
            records.put("key-" + i, data);
        }
        return records;
    }

    private static void putAll(KinesisClient client, String stream, Map<String, byte[]> records) {
        List<PutRecordsRequestEntry> pending = new ArrayList<>();
        records.forEach(
                (key, data) ->
                        pending.add(
                                PutRecordsRequestEntry.builder()
                                        .partitionKey(key)
                                        .data(SdkBytes.fromByteArray(data))
                                        .build()));
        for (int from = 0; from < pending.size(); from += BATCH) {
            List<PutRecordsRequestEntry> batch =
                    pending.subList(from, Math.min(pending.size(), from + BATCH));
            PutRecordsResponse response =
                    client.putRecords(b -> b.streamName(stream).records(batch));
            assertThat(response.failedRecordCount()).isZero();
            assertThat(response.records())
                    .extracting(PutRecordsResultEntry::sequenceNumber)
                    .doesNotContainNull();
        }
    }
}
