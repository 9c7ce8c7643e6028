package io.kinesisconnect.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.ListenableFuture;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.StreamContents;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.kinesis.producer.KinesisProducer;
import software.amazon.kinesis.producer.UserRecordResult;

/**
 * The KPL, with aggregation on, against kinesis-mock's TLS port: every user record must come back
 * through the independent reader with its own partition key and bytes.
 */
class KplSmokeIT {

    private static final int RECORDS = 10_000;
    private static final int KEYS = 500;

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @Test
    void aggregatedUserRecordsLandWithTheirOwnKeysAndBytes() throws Exception {
        String stream = KINESIS.streams().create("kpl-smoke", 4);
        Map<String, String> keyByPayload = new HashMap<>();
        Random random = new Random(7);

        KinesisProducer producer = KplTestProducer.create(KINESIS.emulator());
        long started = System.nanoTime();
        List<ListenableFuture<UserRecordResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < RECORDS; i++) {
                String key = "user-" + (i % KEYS);
                String payload =
                        "record-" + i + "-" + Long.toHexString(random.nextLong()) + "-".repeat(60);
                keyByPayload.put(payload, key);
                results.add(
                        producer.addUserRecord(
                                stream,
                                key,
                                ByteBuffer.wrap(payload.getBytes(StandardCharsets.UTF_8))));
                if (i == 0) {
                    // The KPL aggregates only once it has loaded the stream's shard map, which the
                    // first record triggers; until then it sends records one by one.
                    results.get(0).get(1, TimeUnit.MINUTES);
                }
            }
            producer.flushSync();
            for (ListenableFuture<UserRecordResult> result : results) {
                assertThat(result.get(2, TimeUnit.MINUTES).isSuccessful()).isTrue();
            }
        } finally {
            producer.destroy();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        StreamContents landed = KINESIS.reader().awaitAtLeast(stream, RECORDS);
        System.out.printf(
                "KPL smoke: %d user records of ~100 B in %d Kinesis records (aggregation %.1fx), "
                        + "written in %.1f s (%.0f rec/s) to kinesis-mock TLS%n",
                landed.size(),
                landed.kinesisRecordCount(),
                (double) landed.size() / landed.kinesisRecordCount(),
                seconds,
                RECORDS / seconds);

        assertThat(landed.size()).isEqualTo(RECORDS);
        assertThat(landed.kinesisRecordCount())
                .as("the KPL aggregated: fewer Kinesis records than user records")
                .isLessThan(RECORDS);
        Map<String, String> landedKeyByPayload = new HashMap<>();
        landed.records().forEach(r -> landedKeyByPayload.put(r.dataAsString(), r.partitionKey()));
        assertThat(landedKeyByPayload).isEqualTo(keyByPayload);
        assertThat(ProcessHandle.current().descendants().map(p -> p.info().command().orElse("")))
                .as("no kinesis_producer child process is left after destroy()")
                .noneMatch(command -> command.contains("kinesis_producer"));
    }
}
