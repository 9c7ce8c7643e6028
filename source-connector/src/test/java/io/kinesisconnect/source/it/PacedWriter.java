package io.kinesisconnect.source.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;

/**
 * Writes records at a steady rate, in a small PutRecords batch every 50 ms, each record stamped
 * with the writer's clock just before its batch is sent. Latency is measured at a rate the reader
 * can keep up with, so it shows the cadence of the pipeline, not a queue.
 */
final class PacedWriter {

    private static final long TICK_NANOS = 50_000_000L;

    private final KinesisClient client;
    private final String stream;
    private final int recordBytes;

    PacedWriter(KinesisClient client, String stream, int recordBytes) {
        this.client = client;
        this.stream = stream;
        this.recordBytes = recordBytes;
    }

    /** Writes one record marked as a probe, to see that the reading side is running. */
    void writeProbe() {
        write(1, BenchPayloads.PROBE, 0);
    }

    /**
     * Writes {@code count} records at about {@code perSecond}; a tick that falls behind is caught
     * up at once.
     *
     * @return the rate reached, records per second
     */
    double write(int count, double perSecond) {
        int perTick = Math.max(1, (int) Math.round(perSecond * TICK_NANOS / 1e9));
        long start = System.nanoTime();
        int written = 0;
        for (long tick = 0; written < count; tick++) {
            long due = start + tick * TICK_NANOS;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                // Pacing to a rate, not waiting for a condition.
                LockSupport.parkNanos(wait);
            }
            int batch = Math.min(perTick, count - written);
            write(batch, System.currentTimeMillis(), written);
            written += batch;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private void write(int count, long stamp, int firstKey) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>(count);
        SdkBytes data = SdkBytes.fromByteArray(BenchPayloads.payload(recordBytes, stamp));
        for (int i = 0; i < count; i++) {
            entries.add(
                    PutRecordsRequestEntry.builder()
                            .partitionKey("key-" + ((firstKey + i) % 1000))
                            .data(data)
                            .build());
        }
        PutRecordsResponse response = client.putRecords(b -> b.streamName(stream).records(entries));
        if (response.failedRecordCount() != null && response.failedRecordCount() > 0) {
            throw new AssertionError(
                    response.failedRecordCount()
                            + " records rejected; the emulator never throttles");
        }
    }
}
