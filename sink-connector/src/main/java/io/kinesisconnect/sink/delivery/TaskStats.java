package io.kinesisconnect.sink.delivery;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Running totals of one task, shared by the task thread and the KPL callback threads. */
public final class TaskStats implements KinesisSinkTaskMetricsMXBean {
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong outstanding = new AtomicLong();
    private final AtomicLong maxOutstanding = new AtomicLong();
    private final AtomicLong outstandingBytes = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong maxParked = new AtomicLong();
    private final AtomicLong maxOutstandingBytes = new AtomicLong();
    private volatile LongSupplier misplaced = () -> 0;
    private volatile LongSupplier writerResent = () -> 0;

    void received() {
        received.incrementAndGet();
    }

    void written(int size) {
        written.incrementAndGet();
        bytes.addAndGet(size);
    }

    void retried() {
        retries.incrementAndGet();
    }

    /** A record that went to the dead-letter queue or failed the task. */
    public void failed() {
        failures.incrementAndGet();
    }

    /** A tombstone skipped by policy. */
    public void skipped() {
        skipped.incrementAndGet();
    }

    void outstanding(int records, long bytes) {
        outstanding.set(records);
        maxOutstanding.accumulateAndGet(records, Math::max);
        outstandingBytes.set(bytes);
        maxOutstandingBytes.accumulateAndGet(bytes, Math::max);
    }

    void parked(int now) {
        parked.set(now);
        maxParked.accumulateAndGet(now, Math::max);
    }

    @Override
    public long getRecordsReceived() {
        return received.get();
    }

    @Override
    public long getRecordsWritten() {
        return written.get();
    }

    @Override
    public long getBytesWritten() {
        return bytes.get();
    }

    @Override
    public long getRetries() {
        return retries.get() + writerResent.getAsLong();
    }

    @Override
    public long getPermanentFailures() {
        return failures.get();
    }

    @Override
    public long getTombstonesSkipped() {
        return skipped.get();
    }

    @Override
    public long getOutstandingRecords() {
        return outstanding.get();
    }

    @Override
    public long getMaxOutstandingRecords() {
        return maxOutstanding.get();
    }

    @Override
    public long getOutstandingBytes() {
        return outstandingBytes.get();
    }

    @Override
    public long getMaxOutstandingBytes() {
        return maxOutstandingBytes.get();
    }

    @Override
    public long getParkedRecords() {
        return parked.get();
    }

    @Override
    public long getMaxParkedRecords() {
        return maxParked.get();
    }

    /**
     * The counts the writer keeps itself, once the task has one: misplaced records, and the
     * re-sends of a writer that retries internally (they add to {@link #getRetries()}).
     */
    public void countFromWriter(LongSupplier misplacedRecords, LongSupplier resentRecords) {
        misplaced = misplacedRecords;
        writerResent = resentRecords;
    }

    @Override
    public long getRecordsMisplaced() {
        return misplaced.getAsLong();
    }
}
