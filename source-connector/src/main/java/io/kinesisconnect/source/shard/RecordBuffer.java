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
 *
 * <p>It holds groups, not records: the copies of one user record fanned out to several topics share
 * one source offset, and must reach Connect in the same {@code poll()}. Were they split, the offset
 * could be committed with the first copy and a crash would lose the rest.
 */
public final class RecordBuffer {

    private final BlockingQueue<List<SourceRecord>> queue;

    /**
     * @param capacity how many user records (groups) the buffer holds at most
     */
    public RecordBuffer(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /**
     * Adds groups in order until the buffer is full.
     *
     * @return how many of {@code groups}, from the start, were added
     */
    public int offer(List<List<SourceRecord>> groups) {
        int added = 0;
        for (List<SourceRecord> group : groups) {
            if (!queue.offer(group)) {
                break;
            }
            added++;
        }
        return added;
    }

    /** Whether readers should fetch more: there is room for at least one more group. */
    public boolean hasRoom() {
        return queue.remainingCapacity() > 0;
    }

    /**
     * Takes whole groups until about {@code maxRecords} records, waiting at most {@code wait} for
     * the first one; a group is never split, so the result may exceed the maximum by one group.
     *
     * @return the records, or an empty list when none arrived in time
     */
    public List<SourceRecord> drain(int maxRecords, Duration wait) throws InterruptedException {
        List<SourceRecord> first = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        // Sized for what is there now: growing a list of thousands of records costs copies.
        List<SourceRecord> records =
                new ArrayList<>(Math.min(maxRecords, queue.size() + 1) + first.size());
        records.addAll(first);
        while (records.size() < maxRecords) {
            List<SourceRecord> group = queue.poll();
            if (group == null) {
                break;
            }
            records.addAll(group);
        }
        return records;
    }

    /** Groups currently buffered. */
    public int size() {
        return queue.size();
    }
}
