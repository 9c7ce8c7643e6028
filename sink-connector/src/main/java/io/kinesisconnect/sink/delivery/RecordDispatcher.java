package io.kinesisconnect.sink.delivery;

import io.kinesisconnect.common.retry.ExponentialBackoff;
import io.kinesisconnect.sink.write.KinesisRecord;
import io.kinesisconnect.sink.write.KinesisRecordWriter;
import io.kinesisconnect.sink.write.WriteOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records through a {@link KinesisRecordWriter} and follows each to its end: acknowledged,
 * written again after a transient failure (within a budget), or set aside as permanently failed for
 * the {@link FailureReporter}. It bounds how many records and how many payload bytes are
 * outstanding, knows, per partition, which offset may be committed, and holds the task's one fatal
 * failure: the first error that ends the task, from any thread.
 *
 * <p>Retry scheduling lives here: {@link #retryOrGiveUp} is the one place that decides whether a
 * transient failure is re-sent or ends the task.
 *
 * <p>Called from the task thread, the writer's callback threads and the retry scheduler; all state
 * is guarded by this object's monitor, and the writer is never called while holding it.
 */
public final class RecordDispatcher {

    private static final Logger log = LoggerFactory.getLogger(RecordDispatcher.class);

    private final KinesisRecordWriter writer;
    private final RetryScheduler scheduler;
    private final int maxOutstanding;
    private final long maxOutstandingBytes;
    private final int maxRetries;
    private final ExponentialBackoff backoff;
    private final TaskStats stats;

    private final AcknowledgedOffsets offsets = new AcknowledgedOffsets();
    private final Map<TopicPartition, Long> epochs = new HashMap<>();
    private final Map<TopicPartition, Long> highestSubmitted = new HashMap<>();
    private final List<PermanentFailure> permanentFailures = new ArrayList<>();
    private int outstanding;
    private long outstandingBytes;
    private ConnectException fatal;
    private boolean closed;

    public RecordDispatcher(
            KinesisRecordWriter writer,
            RetryScheduler scheduler,
            int maxOutstanding,
            long maxOutstandingBytes,
            int maxRetries,
            ExponentialBackoff backoff,
            TaskStats stats) {
        this.writer = writer;
        this.scheduler = scheduler;
        this.maxOutstanding = maxOutstanding;
        this.maxOutstandingBytes = maxOutstandingBytes;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.stats = stats;
    }

    /**
     * Starts a new assignment of {@code partition}: earlier state is dropped, and outcomes of its
     * earlier records are ignored from now on.
     */
    public synchronized void open(TopicPartition partition) {
        epochs.merge(partition, 1L, Long::sum);
        offsets.forget(partition);
        highestSubmitted.remove(partition);
    }

    /** Ends the assignment of {@code partition}; its outstanding records no longer count. */
    public synchronized void close(TopicPartition partition) {
        open(partition);
        permanentFailures.removeIf(f -> Records.partitionOf(f.record()).equals(partition));
    }

    /** Notes that {@code record} arrived; its offset is not committable until it is done. */
    public synchronized void received(SinkRecord record) {
        TopicPartition partition = Records.partitionOf(record);
        epochs.putIfAbsent(partition, 0L);
        offsets.received(partition, record.originalKafkaOffset());
        stats.received();
    }

    /** Marks a received record as done without writing it: skipped, or reported elsewhere. */
    public synchronized void done(SinkRecord record) {
        offsets.acknowledged(Records.partitionOf(record), record.originalKafkaOffset());
        notifyAll();
    }

    /** Like {@link #done}, but only while the record's partition is still in {@code epoch}. */
    public synchronized void done(PermanentFailure failure) {
        if (epochOf(Records.partitionOf(failure.record())) == failure.epoch()) {
            done(failure.record());
        }
    }

    /** Sets a received record aside as permanently failed, for the task to report. */
    public synchronized void failPermanently(SinkRecord record, String reason) {
        permanentFailures.add(
                new PermanentFailure(record, reason, epochOf(Records.partitionOf(record))));
    }

    /**
     * Waits until a record of {@code bytes} fits under both bounds (records and bytes), or {@code
     * timeout} passes. A record larger than the byte bound fits when nothing else is outstanding,
     * so it is written alone instead of blocking the task for good.
     *
     * @return whether there is room
     */
    public synchronized boolean awaitCapacity(int bytes, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hasRoomFor(bytes) && fatal == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            waitNanos(left);
        }
        return hasRoomFor(bytes);
    }

    private boolean hasRoomFor(int bytes) {
        return outstanding < maxOutstanding
                && (outstandingBytes == 0 || outstandingBytes + bytes <= maxOutstandingBytes);
    }

    /** Hands a received record to the writer. Call only after {@link #awaitCapacity} said yes. */
    public void submit(SinkRecord source, KinesisRecord record) {
        PendingRecord pending;
        synchronized (this) {
            TopicPartition partition = Records.partitionOf(source);
            pending = new PendingRecord(source, partition, record, epochOf(partition));
            highestSubmitted.merge(partition, source.originalKafkaOffset(), Math::max);
            outstanding++;
            outstandingBytes += record.data().length;
            stats.outstanding(outstanding, outstandingBytes);
        }
        send(pending);
    }

    private void send(PendingRecord pending) {
        writer.write(pending.record()).thenAccept(outcome -> onOutcome(pending, outcome));
    }

    synchronized void onOutcome(PendingRecord pending, WriteOutcome outcome) {
        if (closed || pending.epoch() != epochOf(pending.partition())) {
            // the partition was revoked or reopened meanwhile: its new owner writes the record
            finished(pending);
            return;
        }
        if (outcome instanceof WriteOutcome.Written) {
            stats.written(pending.record().data().length);
            offsets.acknowledged(pending.partition(), pending.offset());
            finished(pending);
        } else if (outcome instanceof WriteOutcome.Failed failed && failed.permanent()) {
            permanentFailures.add(
                    new PermanentFailure(pending.source(), failed.reason(), pending.epoch()));
            finished(pending);
        } else {
            retryOrGiveUp(pending, ((WriteOutcome.Failed) outcome).reason());
        }
    }

    /** A transient failure: re-send after a backoff, or, past the budget, fail the task. */
    private void retryOrGiveUp(PendingRecord pending, String reason) {
        if (writer.retriesInternally()) {
            // the writer re-sent it in order already; its failure means the budget is spent
            giveUp(pending, reason);
            return;
        }
        if (pending.retries() >= maxRetries) {
            fail(
                    new ConnectException(
                            "Could not write record "
                                    + pending.describe()
                                    + " to Kinesis stream "
                                    + pending.record().stream()
                                    + " after "
                                    + (pending.retries() + 1)
                                    + " attempts (kinesis.retries.max="
                                    + maxRetries
                                    + "); last error: "
                                    + reason));
            finished(pending);
            return;
        }
        int retry = pending.retried();
        stats.retried();
        Duration delay = backoff.delay(retry);
        log.debug(
                "Transient failure, re-sending record={} retry={} delay_ms={} reason={}",
                pending.describe(),
                retry,
                delay.toMillis(),
                reason);
        scheduler.schedule(() -> resend(pending), delay);
    }

    private void giveUp(PendingRecord pending, String reason) {
        fail(
                new ConnectException(
                        "Could not write record "
                                + pending.describe()
                                + " to Kinesis stream "
                                + pending.record().stream()
                                + ": "
                                + reason));
        finished(pending);
    }

    private void resend(PendingRecord pending) {
        synchronized (this) {
            if (closed || pending.epoch() != epochOf(pending.partition()) || fatal != null) {
                finished(pending);
                return;
            }
        }
        send(pending);
    }

    private void finished(PendingRecord pending) {
        outstanding--;
        outstandingBytes -= pending.record().data().length;
        stats.outstanding(outstanding, outstandingBytes);
        notifyAll();
    }

    /**
     * Stops following records and scheduling re-sends: outcomes that arrive later, as the writer
     * shuts down, are ignored.
     */
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        scheduler.close();
    }

    /** Ends the task with {@code failure}, unless an earlier failure already does. */
    public synchronized void fail(ConnectException failure) {
        if (fatal == null) {
            fatal = failure;
        }
        notifyAll();
    }

    /** The records set aside as permanently failed since the last call. */
    public synchronized List<PermanentFailure> drainPermanentFailures() {
        List<PermanentFailure> drained = new ArrayList<>(permanentFailures);
        permanentFailures.clear();
        return drained;
    }

    /**
     * Throws the first failure that ends the task: a record past its re-send budget, or one that
     * could be neither written nor reported.
     */
    public synchronized void throwIfFailed() {
        if (fatal != null) {
            throw fatal;
        }
    }

    /**
     * Asks the writer to send now, then waits up to {@code timeout} until every record of {@code
     * partitions} submitted so far is done.
     *
     * @return whether all of them are done
     */
    public boolean awaitDone(Collection<TopicPartition> partitions, Duration timeout)
            throws InterruptedException {
        writer.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            Map<TopicPartition, Long> target = new HashMap<>();
            for (TopicPartition p : partitions) {
                Long highest = highestSubmitted.get(p);
                if (highest != null) {
                    target.put(p, highest);
                }
            }
            while (!reached(target) && fatal == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                waitNanos(left);
            }
            return reached(target);
        }
    }

    private boolean reached(Map<TopicPartition, Long> target) {
        for (Map.Entry<TopicPartition, Long> e : target.entrySet()) {
            if (offsets.committable(e.getKey()).orElse(-1L) <= e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** The offsets to commit for {@code partitions}: only what is contiguously done. */
    public synchronized Map<TopicPartition, OffsetAndMetadata> committable(
            Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> result = new LinkedHashMap<>();
        for (TopicPartition p : partitions) {
            offsets.committable(p).ifPresent(o -> result.put(p, new OffsetAndMetadata(o)));
        }
        return result;
    }

    public synchronized int outstanding() {
        return outstanding;
    }

    private long epochOf(TopicPartition partition) {
        return epochs.getOrDefault(partition, 0L);
    }

    private void waitNanos(long nanos) throws InterruptedException {
        long millis = Math.max(1, Math.min(nanos / 1_000_000, 1_000));
        wait(millis);
    }
}
