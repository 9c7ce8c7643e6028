package io.kinesisconnect.sink.write;

import com.google.common.util.concurrent.ListenableFuture;
import io.kinesisconnect.common.aws.KinesisErrorCodes;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.kinesis.producer.Attempt;
import software.amazon.kinesis.producer.UserRecord;
import software.amazon.kinesis.producer.UserRecordFailedException;
import software.amazon.kinesis.producer.UserRecordResult;

/**
 * {@link KinesisRecordWriter} on one Kinesis Producer Library instance. When the KPL refuses new
 * records because its child process is gone, the writer destroys it and builds a new one; the
 * records whose futures failed meanwhile come back to the caller as transient failures.
 *
 * <p>A destroyed KPL never completes the futures it handed out, so every record has a deadline:
 * without a result by then its outcome is a transient failure, and the caller may write it again.
 * An answer that still arrives later is ignored (the record may then land twice, which
 * at-least-once allows).
 */
public final class KplRecordWriter implements KinesisRecordWriter {

    private static final Logger log = LoggerFactory.getLogger(KplRecordWriter.class);

    private final Supplier<KplProducer> factory;
    private final Duration deadline;
    private KplProducer producer;
    private int generation;
    private boolean closed;

    /**
     * @param factory builds a producer, now and after each failure of the current one
     * @param deadline how long a record may wait for the KPL's answer; see {@link
     *     KplSettings#recordDeadline}
     */
    public KplRecordWriter(Supplier<KplProducer> factory, Duration deadline) {
        this.factory = factory;
        this.deadline = deadline;
        this.producer = factory.get();
    }

    @Override
    public CompletableFuture<WriteOutcome> write(KinesisRecord record) {
        UserRecord userRecord =
                new UserRecord(
                        record.stream(),
                        record.partitionKey(),
                        record.explicitHashKey(),
                        ByteBuffer.wrap(record.data()));
        KplProducer used = current();
        if (used == null) {
            return CompletableFuture.completedFuture(
                    new WriteOutcome.Failed(false, "the writer is closed"));
        }
        ListenableFuture<UserRecordResult> future;
        try {
            future = used.addUserRecord(userRecord);
        } catch (IllegalArgumentException e) {
            // the KPL's own checks: size limit, key length, hash key range
            return CompletableFuture.completedFuture(new WriteOutcome.Failed(true, e.getMessage()));
        } catch (RuntimeException e) {
            replaceAfter(used, e);
            return CompletableFuture.completedFuture(
                    new WriteOutcome.Failed(false, "the KPL refused the record: " + e));
        }
        CompletableFuture<WriteOutcome> outcome = new CompletableFuture<>();
        outcome.completeOnTimeout(
                new WriteOutcome.Failed(
                        false,
                        "no answer from the KPL within "
                                + deadline.toMillis()
                                + " ms (the record deadline)"),
                deadline.toMillis(),
                TimeUnit.MILLISECONDS);
        future.addListener(() -> outcome.complete(outcomeOf(future)), Runnable::run);
        return outcome;
    }

    static WriteOutcome outcomeOf(ListenableFuture<UserRecordResult> future) {
        try {
            UserRecordResult result = future.get();
            return result.isSuccessful()
                    ? new WriteOutcome.Written(result.getShardId(), result.getSequenceNumber())
                    : failure(result);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UserRecordFailedException failed) {
                return failure(failed.getResult());
            }
            // the child process died or a future timed out: the record may be written again
            return new WriteOutcome.Failed(false, "KPL: " + cause);
        } catch (CancellationException e) {
            return new WriteOutcome.Failed(false, "the KPL cancelled the record");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WriteOutcome.Failed(false, "interrupted while reading the KPL result");
        }
    }

    private static WriteOutcome failure(UserRecordResult result) {
        List<Attempt> attempts = result.getAttempts();
        if (attempts == null || attempts.isEmpty()) {
            return new WriteOutcome.Failed(false, "the KPL gave up without an attempt");
        }
        Attempt last = attempts.get(attempts.size() - 1);
        String reason =
                last.getErrorCode()
                        + ": "
                        + last.getErrorMessage()
                        + " (after "
                        + attempts.size()
                        + " attempts)";
        // Only a request Kinesis calls invalid is given up on; credential errors are retried until
        // the budget fails the task, so that a fixed policy lets the same records through.
        boolean invalid =
                KinesisErrorCodes.classify(0, last.getErrorCode())
                        == KinesisErrorCodes.ErrorClass.INVALID_REQUEST;
        return new WriteOutcome.Failed(invalid, reason);
    }

    @Override
    public void flush() {
        KplProducer used = current();
        if (used == null) {
            return;
        }
        try {
            used.flush();
        } catch (RuntimeException e) {
            log.debug("KPL flush failed: {}", e.toString());
        }
    }

    /** The producer to use, or null once the writer is closed. */
    private synchronized KplProducer current() {
        return closed ? null : producer;
    }

    /**
     * Replaces {@code failed} unless that happened already: several threads may see the same
     * producer fail at once, and only the first of them builds a new one.
     */
    private synchronized void replaceAfter(KplProducer failed, RuntimeException e) {
        if (closed || failed != producer) {
            return;
        }
        generation++;
        log.warn(
                "Replacing the KPL producer after it refused a record, generation={} error={}",
                generation,
                e.toString());
        destroyQuietly(producer);
        producer = factory.get();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            destroyQuietly(producer);
        }
    }

    private static void destroyQuietly(KplProducer producer) {
        try {
            producer.destroy();
        } catch (RuntimeException e) {
            log.warn("Destroying the KPL producer failed: {}", e.toString());
        }
    }
}
