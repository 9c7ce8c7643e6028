package io.kinesisconnect.processes;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Writes records with PutRecords in batches of up to 500, re-sending any entry Kinesis rejected, so
 * that a test knows every record it wrote is in the stream.
 */
public final class StreamWriter {

    private static final int BATCH = 500;
    private static final int MAX_ATTEMPTS = 10;

    private final KinesisClient client;

    public StreamWriter(KinesisClient client) {
        this.client = client;
    }

    /** One record to write. */
    public record Entry(String partitionKey, byte[] data) {}

    /** Writes all entries in order of the list, batch by batch. */
    public void putAll(String stream, List<Entry> entries) {
        for (int from = 0; from < entries.size(); from += BATCH) {
            List<PutRecordsRequestEntry> batch = new ArrayList<>();
            for (Entry entry : entries.subList(from, Math.min(entries.size(), from + BATCH))) {
                batch.add(
                        PutRecordsRequestEntry.builder()
                                .partitionKey(entry.partitionKey())
                                .data(SdkBytes.fromByteArray(entry.data()))
                                .build());
            }
            putBatch(stream, batch);
        }
    }

    private void putBatch(String stream, List<PutRecordsRequestEntry> batch) {
        List<PutRecordsRequestEntry> pending = batch;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new AssertionError(
                        pending.size()
                                + " records still rejected after "
                                + MAX_ATTEMPTS
                                + " attempts");
            }
            List<PutRecordsRequestEntry> sent = pending;
            PutRecordsResponse response =
                    client.putRecords(b -> b.streamName(stream).records(sent));
            List<PutRecordsRequestEntry> failed = new ArrayList<>();
            List<PutRecordsResultEntry> results = response.records();
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).errorCode() != null) {
                    failed.add(sent.get(i));
                }
            }
            pending = failed;
        }
    }
}
