package io.kinesisconnect.source.shard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The bounded hand-off between the shard readers and {@code poll()}. Readers offer without blocking
 * and keep what did not fit, so a slow Kafka side stops the reads instead of growing memory; {@code
 * poll()} waits briefly for the first record so it never spins nor blocks long.
 */
public final class RecordBuffer {

    private final BlockingQueue<SourceRecord> queue;

    public RecordBuffer(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /**
     * Adds records in order until the buffer is full.
     *
     * @return how many of {@code records}, from the start, were added
     */
    public int offer(List<SourceRecord> records) {
        int added = 0;
        for (SourceRecord record : records) {
            if (!queue.offer(record)) {
                break;
            }
            added++;
        }
        return added;
    }

    /** Whether readers should fetch more: there is room for at least one more record. */
    public boolean hasRoom() {
        return queue.remainingCapacity() > 0;
    }

    /**
     * Takes up to {@code max} records, waiting at most {@code wait} for the first one.
     *
     * @return the records, or an empty list when none arrived in time
     */
    public List<SourceRecord> drain(int max, Duration wait) throws InterruptedException {
        SourceRecord first = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        List<SourceRecord> records = new ArrayList<>(Math.min(max, queue.size() + 1));
        records.add(first);
        queue.drainTo(records, max - 1);
        return records;
    }

    /** Records currently buffered. */
    public int size() {
        return queue.size();
    }
}
