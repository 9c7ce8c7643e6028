package io.kinesisconnect.processes;

import io.kinesisconnect.common.aws.StreamQueries;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * Stream administration for tests and the quickstart: create with N shards, wait until active, list
 * shards.
 */
public final class KinesisStreams {

    private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final KinesisClient client;

    public KinesisStreams(KinesisClient client) {
        this.client = client;
    }

    /**
     * A stream name no other test in this run uses: the prefix, a counter and a per-run random
     * suffix, so that a shared emulator never hands one test another's records.
     */
    public static String uniqueName(String prefix) {
        return prefix.toLowerCase(Locale.ROOT)
                + "-"
                + COUNTER.incrementAndGet()
                + "-"
                + Long.toString(System.nanoTime() & 0xffffff, 36);
    }

    /**
     * Creates a stream with a unique name derived from {@code prefix}, waits until it is active.
     */
    public String create(String prefix, int shards) {
        String name = uniqueName(prefix);
        client.createStream(b -> b.streamName(name).shardCount(shards));
        awaitActive(name);
        return name;
    }

    /** Waits until the stream is ACTIVE again, for example after a split or a merge. */
    public void awaitActive(String stream) {
        Await.until(
                "stream " + stream + " to become ACTIVE",
                ACTIVE_TIMEOUT,
                () -> status(stream) == StreamStatus.ACTIVE,
                () -> String.valueOf(status(stream)));
    }

    /** Every shard of the stream, open and closed, through paginated ListShards. */
    public List<Shard> shards(String stream) {
        return StreamQueries.listShards(client, stream);
    }

    private StreamStatus status(String stream) {
        try {
            return client.describeStreamSummary(b -> b.streamName(stream))
                    .streamDescriptionSummary()
                    .streamStatus();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }
}
