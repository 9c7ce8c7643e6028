package io.kinesisconnect.sink.write.sdk;

import io.kinesisconnect.common.aws.AwsClientFactory;
import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.sink.write.KinesisRecord;
import io.kinesisconnect.sink.write.KinesisRecordWriter;
import io.kinesisconnect.sink.write.WriteOutcome;
import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link KinesisRecordWriter} on the AWS SDK v2 that keeps every key's order: one sender thread
 * runs a {@link SendLoop}, which has at most one PutRecords entry in flight per shard and re-sends
 * a failed entry before anything later of its shard. It retries on its own, so a transient failure
 * it reports means its retry budget is spent.
 */
public final class SdkRecordWriter implements KinesisRecordWriter {

    private static final Logger log = LoggerFactory.getLogger(SdkRecordWriter.class);
    private static final int MAX_PARTITION_KEY_CHARS = 256;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final KinesisPutApi api;
    private final SendLoop loop;
    private final SdkWriterStats stats = new SdkWriterStats();
    private final AtomicLong arrivals = new AtomicLong();
    private final Thread sender;
    private volatile boolean closed;

    /** A writer on {@code api}, timed by {@code nanoClock}; its sender thread starts at once. */
    public SdkRecordWriter(
            KinesisPutApi api, SdkWriterSettings settings, LongSupplier nanoClock, String name) {
        this.api = api;
        this.loop = new SendLoop(api, settings, nanoClock, stats);
        this.sender = new Thread(this::run, "kinesis-sink-sdk-sender-" + name);
        sender.setDaemon(true);
        sender.start();
        log.info(
                "Started the SDK writer name={} aggregation={} max_aggregate_bytes={}"
                        + " max_aggregate_records={} shard_bytes_per_s={} shard_records_per_s={}",
                name,
                settings.aggregation(),
                settings.maxAggregateBytes(),
                settings.maxAggregateRecords(),
                settings.shardBytesPerSecond(),
                settings.shardRecordsPerSecond());
    }

    /** The writer for a sink config, on the shared AWS client settings. */
    public static SdkRecordWriter create(KinesisSinkConfig config, String name) {
        return new SdkRecordWriter(
                new SdkKinesisPutApi(AwsClientFactory.kinesisClient(config.aws())),
                SdkWriterSettings.from(config),
                System::nanoTime,
                name);
    }

    private void run() {
        try {
            while (!closed) {
                long wait = loop.step();
                if (wait > 0 && !closed) {
                    loop.awaitWork(wait);
                }
            }
        } catch (InterruptedException e) {
            // close() interrupts a sender that waits
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("The SDK writer's sender thread failed", e);
        } finally {
            if (!closed) {
                // fail what is queued, so the task fails instead of waiting for outcomes forever
                loop.stop("not written: the SDK writer's sender thread ended unexpectedly");
            }
        }
    }

    @Override
    public CompletableFuture<WriteOutcome> write(KinesisRecord record) {
        if (closed) {
            return failed(false, "the writer is closed");
        }
        String key = record.partitionKey();
        if (key == null || key.isEmpty() || key.length() > MAX_PARTITION_KEY_CHARS) {
            return failed(true, "the partition key must have 1 to 256 characters");
        }
        BigInteger hashKey;
        try {
            hashKey = HashKeys.of(key, record.explicitHashKey());
        } catch (IllegalArgumentException e) {
            return failed(true, e.getMessage());
        }
        PendingUserRecord pending =
                new PendingUserRecord(record, hashKey, arrivals.getAndIncrement());
        if (pending.plainSize > SdkWriterSettings.MAX_RECORD_BYTES) {
            return failed(
                    true,
                    "its data and partition key take "
                            + pending.plainSize
                            + " bytes, over Kinesis' limit of "
                            + SdkWriterSettings.MAX_RECORD_BYTES
                            + " bytes per record");
        }
        loop.submit(pending);
        return pending.outcome;
    }

    private static CompletableFuture<WriteOutcome> failed(boolean permanent, String reason) {
        return CompletableFuture.completedFuture(new WriteOutcome.Failed(permanent, reason));
    }

    /** The sender sends whenever a shard may take more, so there is nothing held back to flush. */
    @Override
    public void flush() {
        // nothing is held back: see the Javadoc
    }

    @Override
    public boolean retriesInternally() {
        return true;
    }

    /** What the writer did so far. */
    @Override
    public long recordsMisplaced() {
        return stats.misplaced();
    }

    @Override
    public long recordsResent() {
        return stats.resent();
    }

    public SdkWriterStats stats() {
        return stats;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        sender.interrupt();
        try {
            sender.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        api.close();
        log.info("Closed the SDK writer: {}", stats);
    }
}
